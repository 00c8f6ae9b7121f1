package io.github.statusexporter.server;

import io.github.statusexporter.config.web.ClientAuth;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What the server does with a client certificate, by {@code client_auth_type} as Go's crypto/tls
 * does: {@code RequestClientCert} and {@code RequireAnyClientCert} accept any certificate (the
 * handshake still proves the client holds its key), the {@code Verify} types check it against the
 * client CAs of the current {@link TlsFiles}. Whether a certificate is asked for or required is set
 * on the connection, not here.
 */
final class ClientCertificateCheck extends X509ExtendedTrustManager {
  private final ClientAuth clientAuth;
  private final TlsFiles files;

  ClientCertificateCheck(ClientAuth clientAuth, TlsFiles files) {
    this.clientAuth = clientAuth;
    this.files = files;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    if (verify()) {
      files.current().clientTrust.checkClientTrusted(chain, authType, engine);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    if (verify()) {
      files.current().clientTrust.checkClientTrusted(chain, authType, socket);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (verify()) {
      files.current().clientTrust.checkClientTrusted(chain, authType);
    }
  }

  /** True to verify, false to accept any certificate; throws when none should have been sent. */
  private boolean verify() throws CertificateException {
    if (!clientAuth.requests()) {
      throw new CertificateException("no client certificate was asked for");
    }
    return clientAuth.verifies();
  }

  /** The client CAs, named to clients so they can pick a certificate; none without a CA file. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return files.current().clientCas.clone();
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("the metrics server checks no server certificates");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("the metrics server checks no server certificates");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("the metrics server checks no server certificates");
  }
}
