/**
 * The HTTP plumbing the providers share: {@link dev.clp.model.http.HttpJson} (one OkHttp client for the process, one
 * failure contract, redirects never followed, bounded bodies) and {@link dev.clp.model.http.RateLimitHeaders}.
 * Internal to the harness: a plug-in provider may use it, with no promise that it stays as it is.
 */
package dev.clp.model.http;
