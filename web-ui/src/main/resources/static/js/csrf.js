// Every state change from a page carries the CSRF token: web-ui keeps it in the XSRF-TOKEN cookie and
// refuses a POST, PUT, PATCH or DELETE (pages and /api/**) that does not echo it in X-XSRF-TOKEN.
(function () {
  "use strict";
  function token() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : null;
  }
  function isSafe(method) {
    return /^(GET|HEAD|OPTIONS|TRACE)$/i.test(method || "GET");
  }
  document.addEventListener("htmx:configRequest", function (event) {
    var value = token();
    if (value && !isSafe(event.detail.verb)) {
      event.detail.headers["X-XSRF-TOKEN"] = value;
    }
  });
  var originalFetch = window.fetch;
  window.fetch = function (input, init) {
    init = init || {};
    var url = new URL(typeof input === "string" ? input : input.url, window.location.href);
    var value = token();
    if (value && url.origin === window.location.origin && !isSafe(init.method)) {
      var headers = new Headers(init.headers || {});
      if (!headers.has("X-XSRF-TOKEN")) {
        headers.set("X-XSRF-TOKEN", value);
      }
      init.headers = headers;
    }
    return originalFetch.call(this, input, init);
  };
})();
