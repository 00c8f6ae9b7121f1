package io.github.statusexporter.instrumentation.jaxrs;

import io.github.statusexporter.instrumentation.servlet.ServletApi;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.internal.process.RequestProcessingContext;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Reads the templates Jersey matched for a request and leaves them joined in the request's
 * properties, which Jersey's servlet container keeps in the servlet request's attributes: the
 * servlet hook finds them there when the request ends ({@link ServletApi#MATCHED_TEMPLATE}).
 *
 * <p>The only class that names Jersey types. Compiled against Jersey 3, it links with Jersey 2 as
 * well: the classes and methods it calls have the same names and descriptors in both, and none of
 * them names a JAX-RS type.
 */
public final class JerseyTemplates extends MatchedTemplates {
  /**
   * Joined templates kept at most: resource methods are few, but a sub-resource's methods are made
   * anew when Jersey's cache of sub-resource models drops them. Past it, joined per request.
   */
  private static final int MAX_KEPT = 2_000;

  /** By the resource method's invoker: looked up, and checked, without making a string. */
  private final ConcurrentHashMap<Object, Joined> byInvoker = new ConcurrentHashMap<>();

  private final AtomicInteger kept = new AtomicInteger();

  @Override
  public void matched(Object invoker, Object processingContext) {
    ContainerRequest request = ((RequestProcessingContext) processingContext).request();
    request.setProperty(ServletApi.MATCHED_TEMPLATE, template(invoker, request.getUriInfo()));
  }

  /**
   * The route template of a resource method reached through the templates routing matched: the same
   * string each time.
   */
  String template(Object invoker, ExtendedUriInfo uriInfo) {
    String known = known(invoker, uriInfo);
    return known != null ? known : remember(invoker, uriInfo.getMatchedTemplates());
  }

  /**
   * The template joined before from the templates routing matched, or null. One method can be
   * reached through several (a sub-resource that two locators return), hence the check. Jersey
   * makes a view of its list each time it is asked for it: used only here, by methods small enough
   * to be inlined, the JIT need not allocate it (passed to another method of ours, it did: 24 bytes
   * a request).
   */
  private String known(Object invoker, ExtendedUriInfo uriInfo) {
    List<UriTemplate> matched = uriInfo.getMatchedTemplates();
    int count = matched.size();
    for (Joined joined = byInvoker.get(invoker); joined != null; joined = joined.next) {
      String[] templates = joined.templates; // outermost first; Jersey lists the method's first
      int same = 0;
      if (templates.length == count) {
        while (same < count
            && templates[same].equals(matched.get(count - 1 - same).getTemplate())) {
          same++;
        }
      }
      if (same == count) {
        return joined.template;
      }
    }
    return null;
  }

  private String remember(Object invoker, List<UriTemplate> matched) {
    Joined made = new Joined(matched, byInvoker.get(invoker));
    if (kept.incrementAndGet() <= MAX_KEPT) {
      byInvoker.put(invoker, made); // a race may drop another's: it is made again, once
    }
    return made.template;
  }

  /** The templates of one way to a resource method, outermost first, and the route they make. */
  private static final class Joined {
    private final String[] templates;
    private final String template;
    private final Joined next;

    Joined(List<UriTemplate> matched, Joined next) {
      int count = matched.size();
      templates = new String[count];
      for (int i = 0; i < count; i++) {
        templates[i] = matched.get(count - 1 - i).getTemplate();
      }
      this.template = TemplatePaths.join(templates);
      this.next = next;
    }
  }
}
