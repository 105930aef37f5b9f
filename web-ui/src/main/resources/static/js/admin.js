// The administration pages change things through the JSON APIs (/admin/api/**, /api/webhooks/**), so every rule,
// check and audit record stays with those APIs. A form marked data-api is sent as JSON (field names are JSON paths,
// e.g. grants[0].role); problems land next to the field they name; a secret shown once goes to data-secret-target;
// after a success the part of the page marked data-refresh is re-read.
(function () {
  "use strict";
  var messages = {};

  function setPath(target, path, value) {
    var parts = path.replace(/\]/g, "").split(/[.[]/);
    var node = target;
    for (var i = 0; i < parts.length - 1; i++) {
      var key = /^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i];
      if (node[key] === undefined) {
        node[key] = /^\d+$/.test(parts[i + 1]) ? [] : {};
      }
      node = node[key];
    }
    var last = parts[parts.length - 1];
    node[/^\d+$/.test(last) ? Number(last) : last] = value;
  }

  function body(form) {
    var result = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.disabled || element.type === "submit" || element.name === "_csrf") {
        return;
      }
      if ((element.type === "checkbox" || element.type === "radio") && !element.checked) {
        return;
      }
      var value = element.value.trim();
      if (value === "") {
        return;
      }
      setPath(result, element.name, element.getAttribute("data-type") === "number" ? Number(value) : value);
    });
    return result;
  }

  function clearProblems(form) {
    form.querySelectorAll("[data-error-for]").forEach(function (slot) {
      slot.textContent = "";
      slot.hidden = true;
    });
    form.querySelectorAll("[aria-invalid]").forEach(function (input) {
      input.removeAttribute("aria-invalid");
    });
  }

  function showProblem(form, problem) {
    var errors = problem.errors && problem.errors.length ? problem.errors
        : [{ field: problem.field, code: problem.code, message: problem.detail }];
    var first = null;
    errors.forEach(function (error) {
      var text = messages[error.code] || error.message || messages._failed;
      var slot = error.field ? form.querySelector('[data-error-for="' + error.field + '"]') : null;
      if (!slot) {
        slot = form.querySelector('[data-error-for="_form"]');
      }
      if (slot) {
        slot.textContent = (slot.textContent ? slot.textContent + " " : "") + text;
        slot.hidden = false;
        var input = error.field ? form.querySelector('[name="' + error.field + '"]') : null;
        if (input) {
          input.setAttribute("aria-invalid", "true");
          first = first || input;
        }
        first = first || slot;
      }
    });
    if (first) {
      if (!/^(INPUT|SELECT|TEXTAREA)$/.test(first.tagName)) {
        first.setAttribute("tabindex", "-1");
      }
      first.focus();
    }
  }

  function refresh() {
    var region = document.querySelector("[data-refresh]");
    if (!region || !window.htmx) {
      window.location.reload();
      return Promise.resolve();
    }
    return window.htmx.ajax("GET", window.location.pathname + window.location.search,
        { target: "#" + region.id, select: "#" + region.id, swap: "outerHTML" });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var source = document.getElementById("problem-messages");
    if (source) {
      messages = JSON.parse(source.textContent);
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-api]");
    if (!form) {
      return;
    }
    event.preventDefault();
    if (form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      return;
    }
    clearProblems(form);
    var method = (form.getAttribute("data-method") || "POST").toUpperCase();
    var init = { method: method, headers: { "Accept": "application/json" } };
    if (method !== "DELETE" && !form.hasAttribute("data-no-body")) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body(form));
    }
    var button = form.querySelector("button[type=submit]");
    if (button) {
      button.disabled = true;
    }
    fetch(form.getAttribute("data-api"), init).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var parsed = type.indexOf("json") >= 0 ? response.json() : Promise.resolve(null);
      return parsed.then(function (json) {
        if (!response.ok) {
          showProblem(form, json || { code: "http-" + response.status });
          return;
        }
        var secretTarget = form.getAttribute("data-secret-target");
        var secret = json && (json.password || json.clientSecret || json.secret);
        if (secretTarget && secret) {
          var box = document.querySelector(secretTarget);
          box.querySelector("[data-secret]").textContent = secret;
          box.hidden = false;
          box.focus();
        }
        if (!form.hasAttribute("data-keep")) {
          form.reset();
        }
        return refresh();
      });
    }).catch(function () {
      showProblem(form, { code: "service-unavailable" });
    }).then(function () {
      if (button) {
        button.disabled = false;
      }
    });
  });
})();
