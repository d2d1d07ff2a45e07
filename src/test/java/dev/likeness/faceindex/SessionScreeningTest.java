package dev.likeness.faceindex;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/** Duplicate screening of session selfies against the application's earlier approved faces. */
@QuarkusTest
@NeedsSharedData
class SessionScreeningTest {

    private static final List<String> DUPLICATES = List.of("DUPLICATED_FACE", "POSSIBLE_DUPLICATED_FACE");

    @Test
    void aSecondUserWithTheSameFaceIsFlaggedAndTheSameUserIsNot() {
        SessionFlows flows = new SessionFlows("session-duplicates");
        String workflow = flows.defaultWorkflow();
        String first = approvedSession(flows, workflow, "alice", EvalFiles.LIVE_A2);

        String[] returning = flows.open(workflow, "alice", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(returning[1]).statusCode(200);
        SessionFlows.selfie(returning[1], EvalFiles.LIVE_A3).statusCode(200);
        var again = flows.decision(returning[0]).statusCode(200).extract().jsonPath();
        assertThat(again.getList("liveness_checks[0].warnings.risk"), not(hasItem(oneOf(DUPLICATES.toArray()))));

        String[] second = flows.open(workflow, "mallory", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(second[1]).statusCode(200);
        SessionFlows.selfie(second[1], EvalFiles.LIVE_A3).statusCode(200);
        var decision = flows.decision(second[0]).statusCode(200).extract().jsonPath();
        assertThat(decision.getString("status"), equalTo("Approved"));
        List<Map<String, Object>> warnings = decision.getList("liveness_checks[0].warnings");
        Map<String, Object> duplicate = warnings.stream().filter(w -> DUPLICATES.contains(w.get("risk"))).findFirst().orElseThrow();
        assertThat(duplicate.get("log_type"), equalTo("information"));
        assertThat(duplicate.get("node_id"), equalTo("feature_liveness_1"));
        assertThat(decision.getList("liveness_checks[0].matches.session_id"), hasItem(first));
        assertThat(decision.getList("liveness_checks[0].matches.vendor_data"), everyItem(equalTo("alice")));
        assertThat(decision.getList("liveness_checks[0].matches.status"), everyItem(equalTo("Approved")));
    }

    @Test
    void theWorkflowsDuplicateActionDecidesWhatADuplicateDoes() {
        SessionFlows flows = new SessionFlows("session-duplicate-action");
        approvedSession(flows, flows.defaultWorkflow(), "alice", EvalFiles.LIVE_A2);
        String strict = flows.workflow("""
                {"workflow_label": "strict", "workflow_type": "biometric_authentication",
                 "features": [{"feature": "LIVENESS", "config": {"face_liveness_possible_duplicated_face_action": "DECLINE"}},
                              {"feature": "FACE_MATCH"}]}""");
        String[] session = flows.open(strict, "mallory", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]).statusCode(200);
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A3).statusCode(200);
        var decision = flows.decision(session[0]).statusCode(200).extract().jsonPath();
        assertThat(decision.getString("status"), equalTo("Declined"));
        assertThat(decision.getList("liveness_checks[0].warnings.log_type"), hasItem("error"));

        String off = flows.workflow("""
                {"workflow_label": "no screening", "workflow_type": "biometric_authentication",
                 "features": [{"feature": "LIVENESS", "config": {"face_search_enabled": false,
                               "face_liveness_possible_duplicated_face_action": "DECLINE"}},
                              {"feature": "FACE_MATCH"}]}""");
        String[] unscreened = flows.open(off, "eve", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(unscreened[1]).statusCode(200);
        SessionFlows.selfie(unscreened[1], EvalFiles.LIVE_A3).statusCode(200);
        flows.decision(unscreened[0]).statusCode(200).body("status", equalTo("Approved"));
    }

    @Test
    void aBlocklistedFaceDeclinesTheSessionAtOnce() {
        SessionFlows flows = new SessionFlows("session-blocklist");
        String list = FaceIndexApiTest.faceBlocklist(flows.tenant().apiKey());
        flows.api().body(java.util.Map.of("image", SessionFlows.portrait(EvalFiles.LIVE_A1)))
                .post("/v3/lists/" + list + "/entries/face-upload/").then().statusCode(201);
        String[] session = flows.open(flows.defaultWorkflow(), "bob", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]).statusCode(200);
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(200);
        var decision = flows.decision(session[0]).statusCode(200).extract().jsonPath();
        assertThat(decision.getString("status"), equalTo("Declined"));
        List<Map<String, Object>> warnings = decision.getList("liveness_checks[0].warnings");
        Map<String, Object> hit = warnings.stream().filter(w -> "FACE_IN_BLOCKLIST".equals(w.get("risk"))).findFirst().orElseThrow();
        assertThat(hit.get("log_type"), equalTo("error"));
        assertThat(decision.getBoolean("liveness_checks[0].matches[0].is_blocklisted"), equalTo(true));
    }

    private static String approvedSession(SessionFlows flows, String workflow, String vendorData, String selfie) {
        String[] session = flows.open(workflow, vendorData, SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]).statusCode(200);
        SessionFlows.selfie(session[1], selfie).statusCode(200);
        flows.decision(session[0]).statusCode(200).body("status", equalTo("Approved"));
        return session[0];
    }
}
