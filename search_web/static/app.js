/* Kho tin tức: enhancements only.  Without this file the page still works
   (tick boxes, then "Áp dụng bộ lọc"; the agency box is a plain search).
   With it: a tick applies at once, the agency box filters as you type, and
   empty fields stay out of the URL.  No inline script: the CSP forbids it. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function submit(form) {
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  /* Keep the URL clean and bookmarkable: no empty fields, no filter-box text
     (its suggestions live in the page), each ticked value once. */
  function dropEmptyFields(form) {
    var seen = {};
    each(form.elements, function (el) {
      if (!el.name) { return; }
      if (el.type === "checkbox") {
        var key = el.name + "\u0000" + el.value;
        if (el.checked && seen[key]) { el.disabled = true; }
        seen[key] = seen[key] || el.checked;
      } else if (el.value === "" || (el.hasAttribute("data-facet-filter") && !el.hasAttribute("data-keep"))) {
        el.disabled = true;
      }
    });
  }

  function restoreFields(form) {
    each(form.elements, function (el) { el.disabled = false; });
  }

  /* The current search as query parameters, without the filter box text. */
  function searchParams(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name !== "agency_q" && value !== "") { params.append(name, value); }
    });
    return params;
  }

  function facetItem(facet, item) {
    var li = document.createElement("li");
    if (item.selected) { li.className = "on"; }
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = facet;
    box.value = item.value;
    box.checked = !!item.selected;
    var value = document.createElement("span");
    value.className = "value";
    value.textContent = item.value;
    var count = document.createElement("span");
    count.className = "count";
    count.textContent = item.count.toLocaleString("vi-VN");
    label.appendChild(box);
    label.appendChild(value);
    label.appendChild(document.createTextNode(" "));
    label.appendChild(count);
    li.appendChild(label);
    return li;
  }

  /* Type in the agency box: matching agencies (with counts under the current
     search) appear above the list, from /api/facet/<facet>. */
  function facetFilter(form, input) {
    var facet = input.getAttribute("data-facet-filter");
    var url = input.getAttribute("data-url");
    var list = document.getElementById(facet + "-filter-results");
    if (!url || !list) { return; }
    var timer = null;
    var pending = null;

    function show(values, text) {
      list.textContent = "";
      if (!values.length) {
        var none = document.createElement("li");
        none.className = "none";
        none.textContent = "Không có giá trị nào khớp “" + text + "”.";
        list.appendChild(none);
      }
      values.forEach(function (item) { list.appendChild(facetItem(facet, item)); });
      list.hidden = false;
    }

    function run() {
      var text = input.value.trim();
      if (pending) { pending.abort(); pending = null; }
      if (!text) { list.hidden = true; list.textContent = ""; return; }
      var params = searchParams(form);
      params.set("text", text);
      pending = new AbortController();
      fetch(url + "?" + params.toString(), { signal: pending.signal, headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { values: [] }; })
        .then(function (data) { show(data.values || [], text); })
        .catch(function () { /* aborted or offline: the submit button still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 180);
    });
    /* Enter asks the server for the same list (the no-JS way); keep the text then. */
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { input.setAttribute("data-keep", ""); }
    });
  }

  function init() {
    var form = document.getElementById("search-form");
    if (!form) { return; }
    form.addEventListener("submit", function () { dropEmptyFields(form); });
    window.addEventListener("pageshow", function () { restoreFields(form); });

    /* A tick applies at once; the same value may be listed twice (filter
       results and the list), so keep both boxes in step before sending. */
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type !== "checkbox" || !target.closest(".facet")) { return; }
      each(form.querySelectorAll('input[type="checkbox"]'), function (other) {
        if (other.name === target.name && other.value === target.value) { other.checked = target.checked; }
      });
      submit(form);
    });

    each(form.querySelectorAll("[data-facet-filter]"), function (input) { facetFilter(form, input); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
