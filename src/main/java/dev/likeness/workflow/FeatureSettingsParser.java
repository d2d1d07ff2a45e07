package dev.likeness.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.common.FieldValidationException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a workflow request's {@code features} into validated nodes with every setting filled in:
 * defaults first, then the previous version's values (on update), then what the request says.
 * Unknown setting keys are ignored, as unknown fields are everywhere in the API.
 */
@ApplicationScoped
public class FeatureSettingsParser {

    public static final String BIOMETRIC_AUTHENTICATION = "biometric_authentication";
    public static final String KYC = "kyc";
    public static final String LIVENESS = "LIVENESS";
    public static final String FACE_MATCH = "FACE_MATCH";
    public static final String ID_VERIFICATION = "ID_VERIFICATION";

    private static final Set<String> ACTIONS = Set.of("DECLINE", "REVIEW", "NO_ACTION");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** A feature as a client sends it. */
    public record FeatureRequest(String feature, Map<String, Object> config) {
    }

    private final ObjectMapper mapper;

    public FeatureSettingsParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static String checkType(String workflowType) {
        if (!BIOMETRIC_AUTHENTICATION.equals(workflowType) && !KYC.equals(workflowType)) {
            throw new FieldValidationException("workflow_type",
                    "\"" + workflowType + "\" is not a valid choice. Use biometric_authentication or kyc.");
        }
        return workflowType;
    }

    public List<FeatureNode> parse(String workflowType, List<FeatureRequest> requested, List<FeatureNode> previous) {
        List<FeatureRequest> features = requested != null ? requested : defaultFeatures(workflowType);
        Map<String, FeatureNode> before = new LinkedHashMap<>();
        if (previous != null) {
            previous.forEach(node -> before.put(node.feature(), node));
        }
        List<FeatureNode> nodes = new ArrayList<>();
        for (FeatureRequest request : features) {
            String feature = normalise(request == null ? null : request.feature());
            if (nodes.stream().anyMatch(n -> n.feature().equals(feature))) {
                throw new FieldValidationException("features", "Feature " + feature + " appears more than once.");
            }
            Map<String, Object> config = new LinkedHashMap<>(defaultsOf(feature));
            if (before.containsKey(feature)) {
                config.putAll(before.get(feature).config());
            }
            if (request.config() != null) {
                request.config().forEach((key, value) -> {
                    if (config.containsKey(key)) {
                        config.put(key, value);
                    }
                });
            }
            nodes.add(new FeatureNode(feature, nodeId(feature), validate(feature, config)));
        }
        checkComposition(workflowType, nodes);
        return nodes;
    }

    /** Per node; callers read the typed settings of a {@link WorkflowSteps}, converted once per version. */
    LivenessSettings liveness(FeatureNode node) {
        return mapper.convertValue(node.config(), LivenessSettings.class);
    }

    FaceMatchSettings faceMatch(FeatureNode node) {
        return mapper.convertValue(node.config(), FaceMatchSettings.class);
    }

    DocumentSettings document(FeatureNode node) {
        return mapper.convertValue(node.config(), DocumentSettings.class);
    }

    static String nodeId(String feature) {
        return "feature_" + feature.toLowerCase() + "_1";
    }

    private static List<FeatureRequest> defaultFeatures(String workflowType) {
        List<FeatureRequest> features = new ArrayList<>();
        if (KYC.equals(workflowType)) {
            features.add(new FeatureRequest(ID_VERIFICATION, null));
        }
        features.add(new FeatureRequest(LIVENESS, null));
        features.add(new FeatureRequest(FACE_MATCH, null));
        return features;
    }

    private static String normalise(String feature) {
        if (feature == null) {
            throw new FieldValidationException("features", "Each feature needs a \"feature\" name.");
        }
        return switch (feature.toUpperCase()) {
            case "LIVENESS" -> LIVENESS;
            case "FACE_MATCH", "FACEMATCH" -> FACE_MATCH;
            case "OCR", "ID_VERIFICATION" -> ID_VERIFICATION;
            default -> throw new FieldValidationException("features",
                    "Feature " + feature + " is not supported by this service (LIVENESS, FACE_MATCH, ID_VERIFICATION).");
        };
    }

    private Map<String, Object> defaultsOf(String feature) {
        Object defaults = switch (feature) {
            case LIVENESS -> LivenessSettings.defaults();
            case FACE_MATCH -> FaceMatchSettings.defaults();
            default -> DocumentSettings.defaults();
        };
        return mapper.convertValue(defaults, MAP);
    }

    private Map<String, Object> validate(String feature, Map<String, Object> config) {
        Object typed;
        try {
            typed = switch (feature) {
                case LIVENESS -> mapper.convertValue(config, LivenessSettings.class);
                case FACE_MATCH -> mapper.convertValue(config, FaceMatchSettings.class);
                default -> mapper.convertValue(config, DocumentSettings.class);
            };
        } catch (IllegalArgumentException e) {
            String key = e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : "features";
            throw new FieldValidationException(key, "Invalid value.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (typed instanceof LivenessSettings s) {
            if (!LivenessSettings.METHODS.contains(s.faceLivenessMethod())) {
                errors.put("face_liveness_method", "Must be one of " + LivenessSettings.METHODS + ".");
            } else if (s.faceLivenessMethod() == LivenessMethod.FLASHING) {
                errors.put("face_liveness_method", "FLASHING is not supported by this service; use PASSIVE or ACTIVE_3D.");
            }
            range(errors, "face_liveness_max_attempts", s.faceLivenessMaxAttempts(), 1, 3);
            thresholds(errors, "face_liveness_score", s.faceLivenessScoreReviewThreshold(), s.faceLivenessScoreDeclineThreshold());
            thresholds(errors, "face_quality", s.faceQualityReviewThreshold(), s.faceQualityDeclineThreshold());
            range(errors, "face_luminance_min_threshold", s.faceLuminanceMinThreshold(), 0, 100);
            range(errors, "face_luminance_max_threshold", s.faceLuminanceMaxThreshold(), 0, 100);
            action(errors, "face_luminance_min_action", s.faceLuminanceMinAction(), ACTIONS);
            action(errors, "face_luminance_max_action", s.faceLuminanceMaxAction(), ACTIONS);
            action(errors, "face_liveness_multiple_faces_action", s.faceLivenessMultipleFacesAction(), ACTIONS);
            action(errors, "face_liveness_possible_duplicated_face_action", s.faceLivenessPossibleDuplicatedFaceAction(), ACTIONS);
            action(errors, "face_liveness_duplicated_face_name_mismatch_action",
                    s.faceLivenessDuplicatedFaceNameMismatchAction(), ACTIONS);
            action(errors, "face_liveness_duplicated_face_document_mismatch_action",
                    s.faceLivenessDuplicatedFaceDocumentMismatchAction(), ACTIONS);
            if (s.faceSearchEnabled() == null) {
                errors.put("face_search_enabled", "This field may not be null.");
            }
            rules(errors, s.statusRules());
        } else if (typed instanceof FaceMatchSettings s) {
            thresholds(errors, "face_match_score", s.faceMatchScoreReviewThreshold(), s.faceMatchScoreDeclineThreshold());
            range(errors, "face_match_max_attempts", s.faceMatchMaxAttempts(), 1, 5);
            action(errors, "face_match_not_computed_action", s.faceMatchNotComputedAction(), Set.of("DECLINE", "REVIEW"));
            rules(errors, s.statusRules());
        } else if (typed instanceof DocumentSettings s) {
            range(errors, "document_max_attempts", s.documentMaxAttempts(), 1, 5);
            rules(errors, s.statusRules());
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return mapper.convertValue(typed, MAP);
    }

    private static void checkComposition(String workflowType, List<FeatureNode> nodes) {
        List<String> order = nodes.stream().map(FeatureNode::feature).toList();
        if (!order.contains(LIVENESS) && !order.contains(FACE_MATCH)) {
            throw new FieldValidationException("features", "A workflow needs LIVENESS or FACE_MATCH.");
        }
        if (BIOMETRIC_AUTHENTICATION.equals(workflowType)) {
            if (order.contains(ID_VERIFICATION)) {
                throw new FieldValidationException("features",
                        "ID_VERIFICATION belongs to kyc workflows; biometric_authentication uses the session's portrait_image.");
            }
            if (!order.contains(LIVENESS)) {
                throw new FieldValidationException("features", "A biometric_authentication workflow needs LIVENESS.");
            }
        } else if (!order.isEmpty() && !ID_VERIFICATION.equals(order.get(0))) {
            throw new FieldValidationException("features", "A kyc workflow starts with ID_VERIFICATION (OCR).");
        }
    }

    private static void thresholds(Map<String, String> errors, String prefix, Double review, Double decline) {
        range(errors, prefix + "_review_threshold", review, 0, 100);
        range(errors, prefix + "_decline_threshold", decline, 0, 100);
        if (review != null && decline != null && decline > review) {
            errors.putIfAbsent(prefix + "_decline_threshold", "Must not be above " + prefix + "_review_threshold.");
        }
    }

    private static void range(Map<String, String> errors, String key, Number value, double min, double max) {
        if (value == null) {
            errors.put(key, "This field may not be null.");
        } else if (value.doubleValue() < min || value.doubleValue() > max) {
            errors.put(key, "Must be between " + fmt(min) + " and " + fmt(max) + ".");
        }
    }

    private static void action(Map<String, String> errors, String key, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            errors.put(key, "\"" + value + "\" is not a valid choice.");
        }
    }

    private static void rules(Map<String, String> errors, List<StatusRule> rules) {
        if (rules == null) {
            return;
        }
        rules.stream().map(StatusRule::problem).filter(p -> p != null).findFirst()
                .ifPresent(problem -> errors.put("status_rules", problem));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
