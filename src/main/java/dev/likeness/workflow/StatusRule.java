package dev.likeness.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A custom rule on a feature node: when {@code field} compares to {@code value}
 * by {@code operator}, the node's status becomes at least {@code status}. Outcomes merge with the
 * score-derived status as Declined > In Review > Approved.
 */
public record StatusRule(String field, String operator, Object value, String status, String valueType, Double score) {

    public static final Set<String> OPERATORS = Set.of("equals", "not_equals", "greater_than",
            "greater_than_or_equals", "less_than", "less_than_or_equals", "contains", "not_contains", "in",
            "not_in", "is_empty", "is_not_empty", "regex", "fuzzy_match");
    public static final List<String> STATUSES = List.of("Approved", "Declined", "In Review", "No Action");
    public static final Set<String> VALUE_TYPES = Set.of("literal", "field", "list", "relative_date");

    /** Settings are shared once parsed (see {@link WorkflowSteps}), so their rule lists are read-only. */
    static List<StatusRule> readOnly(List<StatusRule> rules) {
        return rules == null ? null : Collections.unmodifiableList(new ArrayList<>(rules));
    }

    /** Null when the rule is well-formed, else what is wrong with it. */
    public String problem() {
        if (field == null || field.isBlank()) {
            return "Each status rule needs a field.";
        }
        if (operator == null || !OPERATORS.contains(operator)) {
            return "Unknown operator \"" + operator + "\".";
        }
        if (status == null || !STATUSES.contains(status)) {
            return "Status must be one of " + STATUSES + ".";
        }
        if (valueType != null && !VALUE_TYPES.contains(valueType)) {
            return "Unknown value_type \"" + valueType + "\".";
        }
        if (score != null && (score < 0 || score > 100)) {
            return "score must be between 0 and 100.";
        }
        return null;
    }
}
