package io.github.statusexporter.config.mappingfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How request routes are recorded: routes left out of the request metrics, route templates for
 * applications whose framework names none, and the cap on distinct routes. From the mapping file's
 * {@code requests:} section and the {@code ignore-routes} option.
 */
public final class RouteSettings {
  /** Distinct routes with series of their own by default; later ones fold into {@code _OTHER}. */
  public static final int DEFAULT_MAX_ROUTES = 500;

  static final int MAX_MAX_ROUTES = 100_000;

  static final String MAX_ROUTES_EXPECTED =
      "a whole number of routes from 1 to " + MAX_MAX_ROUTES + ", such as 500";

  public static final String ROUTE_EXPECTED =
      "a route as the agent records it, starting with /, such as /actuator/health";

  static final String TEMPLATE_EXPECTED =
      "a path template starting with /, of literal segments and {name} segments, such as"
          + " /api/orders/{id}";

  public static final RouteSettings DEFAULT =
      new RouteSettings(List.of(), List.of(), DEFAULT_MAX_ROUTES);

  /**
   * A template's segments, compiled at the first template checked rather than with {@link
   * #DEFAULT}, which every start uses: {@code \s} in a class has the JDK spin lambdas (~0.15 MB of
   * garbage on JDK 25).
   */
  private static final class Segments {
    static final Pattern LITERAL = Pattern.compile("[^{}/?#\\s]+");
    static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");
  }

  private final Set<String> ignore;
  private final List<String> templates;
  private final int maxRoutes;

  /** Values as given: the option and file parsers check them before they come here. */
  public RouteSettings(List<String> ignore, List<String> templates, int maxRoutes) {
    this.ignore = Collections.unmodifiableSet(new LinkedHashSet<>(ignore));
    this.templates = List.copyOf(templates);
    this.maxRoutes = maxRoutes;
  }

  /** Route values whose requests are not recorded in the duration histogram. */
  public Set<String> ignore() {
    return ignore;
  }

  /** Path templates, in the order they are tried. */
  public List<String> templates() {
    return templates;
  }

  public int maxRoutes() {
    return maxRoutes;
  }

  /** These settings with more routes to ignore (the option's, added to the file's). */
  public RouteSettings ignoring(List<String> more) {
    List<String> all = new ArrayList<>(ignore);
    all.addAll(more);
    return new RouteSettings(all, templates, maxRoutes);
  }

  /** True if the text can be a recorded route: it starts with a slash and has no control chars. */
  public static boolean isRoute(String text) {
    if (!text.startsWith("/")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** True for {@code /}, {@code /api/orders/{id}}, {@code /a/{x}/b/}: no empty inner segment. */
  static boolean isTemplate(String text) {
    if (text.equals("/")) {
      return true;
    }
    if (!text.startsWith("/")) {
      return false;
    }
    String body = text.endsWith("/") ? text.substring(1, text.length() - 1) : text.substring(1);
    for (String segment : body.split("/", -1)) {
      if (!Segments.LITERAL.matcher(segment).matches()
          && !Segments.VARIABLE.matcher(segment).matches()) {
        return false;
      }
    }
    return true;
  }

  /** The cap, or null when the text is not a whole number in range. */
  static Integer maxRoutes(String text) {
    String digits = text.trim();
    if (!digits.matches("\\d{1,6}")) {
      return null;
    }
    int max = Integer.parseInt(digits);
    return max >= 1 && max <= MAX_MAX_ROUTES ? max : null;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RouteSettings)) {
      return false;
    }
    RouteSettings that = (RouteSettings) other;
    return ignore.equals(that.ignore)
        && templates.equals(that.templates)
        && maxRoutes == that.maxRoutes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ignore, templates, maxRoutes);
  }

  @Override
  public String toString() {
    return "ignore " + ignore + ", templates " + templates + ", max_routes " + maxRoutes;
  }
}
