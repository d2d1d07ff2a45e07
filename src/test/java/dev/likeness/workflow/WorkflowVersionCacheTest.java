package dev.likeness.workflow;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A published version is read and typed once, then shared: it must not change under its readers. */
@QuarkusTest
class WorkflowVersionCacheTest {

    @Inject
    WorkflowCatalog catalog;

    @Test
    void aPublishedVersionIsParsedOnceAndSharedReadOnly() {
        TestTenants.Tenant tenant = TestTenants.create("version-cache");
        UUID workflowId = catalog.defaultOf(tenant.applicationId()).orElseThrow().id;

        WorkflowSteps first = catalog.version(tenant.applicationId(), workflowId, 1).steps();
        WorkflowSteps again = catalog.version(tenant.applicationId(), workflowId, 1).steps();

        assertSame(first, again);
        assertEquals(LivenessMethod.PASSIVE, first.liveness().orElseThrow().faceLivenessMethod());
        assertEquals(3, first.faceMatch().orElseThrow().faceMatchMaxAttempts());
        assertTrue(first.document().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> first.features().clear());
        Map<String, Object> config = first.node(FeatureSettingsParser.LIVENESS).orElseThrow().config();
        assertThrows(UnsupportedOperationException.class, () -> config.put("face_liveness_method", "ACTIVE_3D"));
        assertThrows(UnsupportedOperationException.class, () -> first.liveness().orElseThrow().statusRules().clear());
    }
}
