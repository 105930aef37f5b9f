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
  // Problem answers (422, 412, 400) carry the re-rendered form: swap them in like a success.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 409 || status === 412 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
