package dev.likeness;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test reads {@code ../shared} (the development split of evaluation photos and the MiniFASNet
 * weights, provided beside the checkout, never committed; README, "Test data"). Without it the test is
 * skipped with a message saying what is missing, except under CI ({@code CI=true}), where it fails.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedDataCondition.class)
public @interface NeedsSharedData {
}
