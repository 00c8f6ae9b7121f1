package io.github.statusexporter.instrumentation.jaxrs;

/**
 * Joins the templates a JAX-RS request matched, from the resource class's path to the method's,
 * into one route template: {@code /users} and {@code /{id}} make {@code /users/{id}}. Each template
 * begins with a slash, as Jersey gives them; a sub-resource's class has none of its own (an empty
 * template, or {@code /}), which adds nothing.
 */
public final class TemplatePaths {
  private TemplatePaths() {}

  /**
   * @param outermostFirst the class's template first, the method's last
   */
  public static String join(String... outermostFirst) {
    StringBuilder joined = new StringBuilder();
    for (String template : outermostFirst) {
      if (template.isEmpty() || template.equals("/")) {
        continue;
      }
      // "/users/" then "/{id}": one slash between them, as the path the client sends has.
      if (joined.length() > 0 && joined.charAt(joined.length() - 1) == '/') {
        joined.setLength(joined.length() - 1);
      }
      if (template.charAt(0) != '/') {
        joined.append('/');
      }
      joined.append(template);
    }
    return joined.length() == 0 ? "/" : joined.toString();
  }
}
