package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.servlet.ServletHooks;
import io.github.statusexporter.instrumentation.servlet.ServletRoute;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletPathMatch;
import io.undertow.servlet.handlers.ServletRequestContext;

/** Reads the servlet request Undertow's servlet layer attached to an exchange. */
public final class UndertowServletRequests extends UndertowServletApi {
  /** Fails to load, so the adapter is not used, where undertow-servlet is absent. */
  private static final Object CONTEXT_KEY = ServletRequestContext.ATTACHMENT_KEY;

  @Override
  public Object servletRequest(Object exchange) {
    ServletRequestContext context =
        ((HttpServerExchange) exchange).getAttachment(ServletRequestContext.ATTACHMENT_KEY);
    return context == null ? null : context.getServletRequest();
  }

  /**
   * The parts of the mapping that {@code HttpServletRequest.getHttpServletMapping()} would give,
   * read where it reads them (the match of the request's dispatch): that method makes a new {@code
   * MappingImpl}, and for some matches a substring, on every call.
   */
  @Override
  public ServletRoute route(Object exchange) {
    ServletRequestContext context =
        ((HttpServerExchange) exchange).getAttachment(ServletRequestContext.ATTACHMENT_KEY);
    ServletPathMatch match = context == null ? null : context.getServletPathMatch();
    if (match == null) {
      return null; // no servlet deployment, or no mapping: getHttpServletMapping() is null too
    }
    return ServletHooks.route(
        context.getServletRequest(),
        match.getMappingMatch(),
        match.getMatchString(),
        match.getServletChain().getManagedServlet().getServletInfo().getName());
  }
}
