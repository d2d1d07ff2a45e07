package dev.likeness.common;

/**
 * A setting whose value the service cannot work with, named with its environment variable and the
 * rule it breaks, so the operator fixes it from the start-up error alone. Never carries the value.
 */
public class InvalidSettingException extends IllegalStateException {

    public InvalidSettingException(String setting, String rule) {
        super(setting + " (" + environmentVariable(setting) + ") " + rule);
    }

    /** The variable SmallRye maps onto a property: upper case, every other character an underscore. */
    public static String environmentVariable(String setting) {
        StringBuilder name = new StringBuilder(setting.length());
        for (char c : setting.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
