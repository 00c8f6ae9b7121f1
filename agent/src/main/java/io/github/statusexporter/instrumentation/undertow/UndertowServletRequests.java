package io.github.statusexporter.instrumentation.undertow;

import io.undertow.servlet.handlers.ServletRequestContext;

/** Reads Undertow's {@code ServletRequestContext} through its public methods. */
public final class UndertowServletRequests extends UndertowServletApi {
  @Override
  public Object request(Object requestContext) {
    return ((ServletRequestContext) requestContext).getServletRequest();
  }

  @Override
  public Object response(Object requestContext) {
    return ((ServletRequestContext) requestContext).getServletResponse();
  }
}
