// Small page behaviour: charts drawn from server-made ECharts options, focus on what went wrong after a form post.
(function () {
  "use strict";
  var echartsLoading = null;

  function loadEcharts() {
    if (window.echarts) {
      return Promise.resolve(window.echarts);
    }
    if (!echartsLoading) {
      echartsLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = document.documentElement.getAttribute("data-echarts-src") || "/webjars/echarts/echarts.min.js";
        script.onload = function () { resolve(window.echarts); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return echartsLoading;
  }

  function drawCharts(root) {
    var elements = (root || document).querySelectorAll("[data-echarts]");
    if (!elements.length) {
      return;
    }
    loadEcharts().then(function (echarts) {
      elements.forEach(function (element) {
        var option = JSON.parse(element.getAttribute("data-echarts"));
        var existing = echarts.getInstanceByDom(element);
        if (existing) {
          existing.dispose();
        }
        var chart = echarts.init(element, null, { renderer: "svg" });
        chart.setOption(option);
        element.setAttribute("data-drawn", "true");
      });
    });
  }

  window.addEventListener("resize", function () {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll("[data-echarts]").forEach(function (element) {
      var chart = window.echarts.getInstanceByDom(element);
      if (chart) {
        chart.resize();
      }
    });
  });

  function focusProblem(root) {
    var target = root.querySelector("[aria-invalid=true], .alert[role=alert]");
    if (target) {
      if (!target.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts(document);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    drawCharts(event.detail.target);
    focusProblem(event.detail.target);
  });
  // While a form is on its way, its submit button cannot be pressed twice; the spinner beside it shows the wait.
  document.addEventListener("htmx:beforeRequest", function (event) {
    event.detail.elt.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.disabled = true;
      button.setAttribute("data-busy", "true");
    });
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    event.detail.elt.querySelectorAll("button[data-busy]").forEach(function (button) {
      button.disabled = false;
      button.removeAttribute("data-busy");
    });
  });
  // A refused write carries its form re-drawn with the problem (X-Form-Problem): swap it in like a success.
  // A session that ended sends the person to the login page instead of drawing it inside a form.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.responseURL && /\/login(\?|$)/.test(new URL(xhr.responseURL).pathname + "?")) {
      event.detail.shouldSwap = false;
      window.location.href = xhr.responseURL;
      return;
    }
    if (xhr.getResponseHeader("X-Form-Problem") === "true") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Anything else that failed (a service down, a refused request): say so at the top of the page.
  function announce(message) {
    var main = document.getElementById("main");
    if (!main) {
      return;
    }
    var alert = document.getElementById("request-failed");
    if (!alert) {
      alert = document.createElement("div");
      alert.id = "request-failed";
      alert.className = "alert alert-error";
      alert.setAttribute("role", "alert");
      alert.setAttribute("tabindex", "-1");
      main.insertBefore(alert, main.firstChild);
    }
    alert.textContent = message;
    alert.focus();
  }
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr.getResponseHeader("X-Form-Problem") !== "true") {
      announce(document.body.getAttribute("data-request-failed") || "The request failed.");
    }
  });
  document.addEventListener("htmx:sendError", function () {
    announce(document.body.getAttribute("data-request-failed") || "The request failed.");
  });
})();
