package dev.eagerdsl.demo.scenario;

import dev.eagerdsl.FetchPlan;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * One of the seed's shapes, written twice: the naive DAO call and the same call with a plan. Both
 * return what the user's code produced (report lines, JSON), which must be equal.
 *
 * @param title what the scenario loads
 * @param shape the association's kind
 * @param django the Django queryset it corresponds to
 * @param naiveCode the naive code, as shown
 * @param relatedCode the code with the plan, as shown
 * @param plan the plan the second version uses
 * @param root the plan's root entity
 * @param naive the naive version
 * @param related the version with the plan
 */
public record Scenario(String title, String shape, String django, String naiveCode, String relatedCode,
                       FetchPlan plan, Class<?> root, Function<Session, Object> naive,
                       Function<Session, Object> related) {
}
