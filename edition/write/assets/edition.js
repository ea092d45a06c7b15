/* The edition's reading tools: the view switch (Parallel / 中文 / English), remembered across
 * pages; the Cite action; retired anchors that land on their successor.
 *
 * Material's instant navigation replaces the page without reloading scripts, so the per-page set-up
 * runs on every emission of Material's `document$`; clicks are handled once, by delegation. */
(function () {
  "use strict";

  var VIEW_KEY = "edition.view";
  var VIEWS = ["parallel", "zh", "en"];

  function storedView() {
    try {
      var view = window.localStorage.getItem(VIEW_KEY);
      return VIEWS.indexOf(view) >= 0 ? view : "parallel";
    } catch (error) {
      return "parallel"; // storage blocked: the default view
    }
  }

  function applyView(view) {
    document.querySelectorAll(".edition-report").forEach(function (report) {
      report.setAttribute("data-view", view);
      report.querySelectorAll(".view-switch button").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
      });
    });
  }

  function chooseView(view) {
    try {
      window.localStorage.setItem(VIEW_KEY, view);
    } catch (error) {
      /* not remembered, still applied */
    }
    applyView(view);
  }

  /* A stable URL for a block: the page's canonical address (from site_url) plus the anchor. */
  function stableUrl(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : window.location.href;
    return base.split("#")[0] + "#" + id;
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];

  /* The Cite text: the report's reference as the build wrote it (data-cite: author, date, titles,
   * outlet, edition and version, Chicago author-date), then the block, its stable URL, the access date. */
  function citation(block) {
    var report = block.closest(".edition-report");
    var reference = report.getAttribute("data-cite");
    if (reference) {
      var now = new Date();
      return reference + ", " + block.getAttribute("data-mark") + " (#" + block.id + "). " +
        stableUrl(block.id) + ". Accessed " + MONTHS[now.getMonth()] + " " + now.getDate() + ", " +
        now.getFullYear() + ".";
    }
    var edition = report.getAttribute("data-edition-title");
    var version = report.getAttribute("data-edition-version");
    if (edition) { edition += version ? ", version " + version : " (unreleased)"; }
    var titleEn = report.getAttribute("data-title-en");
    var titleZh = report.getAttribute("data-title-zh");
    var mark = block.getAttribute("data-mark");
    var title = titleEn ? "“" + titleEn + "” (" + titleZh + ")" : titleZh;
    return (edition ? edition + ". " : "") + title + ", " + mark + " [" + block.id + "]. " +
      stableUrl(block.id) + " (accessed " + today() + ").";
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function showCitation(block, text) {
    var box = block.querySelector(".cite-box");
    if (!box) {
      box = document.createElement("div");
      box.className = "cite-box";
      box.setAttribute("role", "status");
      block.appendChild(box);
    }
    box.textContent = "";
    var quote = document.createElement("span");
    quote.className = "cite-text";
    quote.textContent = text;
    var note = document.createElement("span");
    note.className = "cite-note";
    note.textContent = "Copying…";
    box.appendChild(quote);
    box.appendChild(note);
    copy(text).then(
      function () { note.textContent = "Copied to the clipboard."; },
      function () { note.textContent = "Select the citation to copy it."; }
    );
  }

  /* An anchor retired by a re-segmentation still lands on the block that succeeded it. */
  function followRetiredAnchor() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var target = document.getElementById(id);
    if (!target || !target.classList.contains("retired-anchor")) { return; }
    var successor = target.getAttribute("data-successor");
    var block = successor ? document.getElementById(successor) : null;
    document.querySelectorAll(".block--landed").forEach(function (b) { b.classList.remove("block--landed"); });
    if (block) {
      block.classList.add("block--landed");
      block.scrollIntoView();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".view-switch button");
    if (button) {
      chooseView(button.getAttribute("data-view"));
      return;
    }
    var cite = event.target.closest(".block-cite");
    if (cite) {
      var block = cite.closest(".block");
      showCitation(block, citation(block));
    }
  });

  window.addEventListener("hashchange", followRetiredAnchor);

  /* Keyboard: a block's tab stops are its ¶ link and Cite; its other links (glossary terms, source
   * line, PO line, see also) have tabindex -1 and join the tab order while focus is in the block. */
  var SECONDARY = ".block-zh a.term, .block-info a, .translation-status--draft";
  document.addEventListener("focusin", function (event) {
    var block = event.target.closest && event.target.closest(".block");
    if (!block) { return; }
    block.querySelectorAll(SECONDARY).forEach(function (el) { el.setAttribute("tabindex", "0"); });
  });
  document.addEventListener("focusout", function (event) {
    var block = event.target.closest && event.target.closest(".block");
    if (!block || (event.relatedTarget && block.contains(event.relatedTarget))) { return; }
    block.querySelectorAll(SECONDARY).forEach(function (el) { el.setAttribute("tabindex", "-1"); });
  });

  /* A report that moved to a new slug: its old address goes on to the new one, anchor and all. */
  function followMovedReport() {
    var moved = document.querySelector(".report-moved[data-target]");
    if (moved) {
      window.location.replace(new URL(moved.getAttribute("data-target"), window.location.href).href
                              + window.location.hash);
    }
  }

  /* The citation printed at the head of a report: its stable URL, known only in the page. */
  function fillPrintCitation() {
    document.querySelectorAll(".print-citation .print-url").forEach(function (span) {
      span.textContent = stableUrl("top").replace(/#top$/, "");
    });
  }

  /* Material's search dialog has no name: screen readers announce a nameless dialog (axe: aria-dialog-name). */
  function nameSearchDialog() {
    document.querySelectorAll(".md-search[role='dialog']:not([aria-label])").forEach(function (dialog) {
      dialog.setAttribute("aria-label", "Search the edition");
    });
  }

  function setUpPage() {
    fillPrintCitation();
    nameSearchDialog();
    followMovedReport();
    applyView(storedView());
    followRetiredAnchor();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUpPage);
  } else {
    document.addEventListener("DOMContentLoaded", setUpPage);
  }
})();
