/* Reading aids for the Chinese text (edition/write/reading_aids.py makes their data at build time):
 *
 * - 简体 / 繁體: the simplified text (the edition's) or the traditional one the page carries,
 *   set as data-script on .edition-report and remembered across pages like the view switch;
 * - Word lookup (off by default, remembered): the report's word data (data/words/<slug>.json) is
 *   fetched the first time it is turned on; the Chinese outside glossary terms is then cut into its
 *   words, and pointing at, tapping or focusing a word shows its pinyin and CC-CEDICT definitions.
 *   One word is in the tab order; the arrow keys go from word to word; Esc closes the popover.
 *
 * Material's instant navigation swaps pages without reloading scripts: the set-up runs on every
 * emission of document$, events are handled once, by delegation. */
(function () {
  "use strict";

  var SCRIPT_KEY = "edition.script";
  var LOOKUP_KEY = "edition.wordLookup";
  var SCRIPTS = ["hans", "hant"];
  var loaded = {}; // words URL -> promise of its data

  function stored(key, allowed, fallback) {
    try {
      var value = window.localStorage.getItem(key);
      return allowed.indexOf(value) >= 0 ? value : fallback;
    } catch (error) {
      return fallback; // storage blocked
    }
  }

  function remember(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* applied, not remembered */ }
  }

  function applyScript(script) {
    document.querySelectorAll(".edition-report").forEach(function (report) {
      report.setAttribute("data-script", script);
      report.querySelectorAll(".reading-aids button[data-script]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-script") === script));
      });
    });
    closePopover();
  }

  /* --- word lookup --------------------------------------------------------------------------- */

  function wordsData(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(response.status + " " + url); }
        return response.json();
      });
      loaded[url].catch(function () { delete loaded[url]; }); // try again next time
    }
    return loaded[url];
  }

  /* The text nodes of a block's Chinese outside glossary terms: the runs the build segmented. */
  function runs(element) {
    return Array.prototype.filter.call(element.childNodes, function (node) {
      return node.nodeType === Node.TEXT_NODE && node.data.length > 0;
    });
  }

  /* Replace a text node by its words (spans) and the text between them. ``lengths``: n for a word
   * of n characters, -n for other text; ``keys``: the simplified text of the same run (the key of
   * each word in the data, also when the node is the traditional text). */
  function wrapRun(node, lengths, keys) {
    var chars = Array.from(node.data);
    var total = lengths.reduce(function (sum, n) { return sum + Math.abs(n); }, 0);
    if (total !== chars.length || keys.length !== chars.length) { return; } // not the text segmented
    var fragment = document.createDocumentFragment();
    var at = 0;
    lengths.forEach(function (n) {
      var text = chars.slice(at, at + Math.abs(n)).join("");
      if (n > 0) {
        var span = document.createElement("span");
        span.className = "word";
        span.setAttribute("data-word", keys.slice(at, at + n).join(""));
        span.setAttribute("tabindex", "-1");
        span.textContent = text;
        fragment.appendChild(span);
      } else {
        fragment.appendChild(document.createTextNode(text));
      }
      at += Math.abs(n);
    });
    node.parentNode.replaceChild(fragment, node);
  }

  function wrapReport(report, data) {
    if (report.getAttribute("data-words-wrapped") === "yes") { return; }
    report.querySelectorAll(".block").forEach(function (block) {
      var lengths = data.blocks[block.id];
      var hans = block.querySelector(".block-zh");
      if (!lengths || !hans) { return; }
      var simplified = runs(hans).map(function (node) { return Array.from(node.data); });
      if (simplified.length !== lengths.length) { return; }
      var hant = block.querySelector(".block-zh-hant");
      var traditional = hant ? runs(hant) : [];
      runs(hans).forEach(function (node, i) { wrapRun(node, lengths[i], simplified[i]); });
      if (traditional.length === lengths.length) {
        traditional.forEach(function (node, i) { wrapRun(node, lengths[i], simplified[i]); });
      }
    });
    report.setAttribute("data-words-wrapped", "yes");
    report.wordData = data;
    [".block-zh .word", ".block-zh-hant .word"].forEach(function (selector) { // one tab stop per script
      var first = report.querySelector(selector);
      if (first) { first.setAttribute("tabindex", "0"); }
    });
  }

  function unwrapReport(report) {
    if (report.getAttribute("data-words-wrapped") !== "yes") { return; }
    report.querySelectorAll(".word").forEach(function (span) {
      span.parentNode.replaceChild(document.createTextNode(span.textContent), span);
    });
    report.querySelectorAll(".block-zh, .block-zh-hant").forEach(function (element) { element.normalize(); });
    report.removeAttribute("data-words-wrapped");
  }

  function applyLookup(on) {
    document.querySelectorAll(".edition-report").forEach(function (report) {
      var button = report.querySelector(".reading-aids .word-lookup");
      if (!button) { return; }
      button.setAttribute("aria-pressed", String(on));
      if (!on) {
        report.removeAttribute("data-lookup");
        closePopover();
        unwrapReport(report);
        return;
      }
      var url = new URL(button.getAttribute("data-words"), window.location.href).href;
      button.setAttribute("aria-busy", "true");
      wordsData(url).then(function (data) {
        button.removeAttribute("aria-busy");
        if (button.getAttribute("aria-pressed") !== "true" || !document.body.contains(report)) { return; }
        wrapReport(report, data);
        report.setAttribute("data-lookup", "on");
      }, function () {
        button.removeAttribute("aria-busy");
        button.setAttribute("title", "The word list of this report could not be loaded.");
      });
    });
  }

  /* --- the popover --------------------------------------------------------------------------- */

  var openWord = null;
  var pinned = false;

  function popover() {
    var box = document.getElementById("word-popover");
    if (!box) {
      box = document.createElement("div");
      box.id = "word-popover";
      box.className = "word-popover";
      box.setAttribute("role", "tooltip");
      box.hidden = true;
      document.body.appendChild(box);
    }
    return box;
  }

  function element(tag, className, text, lang) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    if (lang) { node.setAttribute("lang", lang); }
    return node;
  }

  function showWord(word, pin) {
    var report = word.closest(".edition-report");
    var data = report && report.wordData;
    var entries = data && data.words[word.getAttribute("data-word")];
    if (!entries) { return; }
    if (openWord && openWord !== word) { openWord.classList.remove("word--open"); openWord.removeAttribute("aria-describedby"); }
    var box = popover();
    box.textContent = "";
    box.setAttribute("lang", "en");
    var script = word.closest(".block-zh-hant") ? "zh-Hant" : "zh-Hans";
    entries.forEach(function (entry) {
      var head = element("div", "word-popover__head");
      head.appendChild(element("span", "word-popover__word", word.textContent, script));
      head.appendChild(element("span", "word-popover__pinyin", entry[0], "zh-Latn-pinyin"));
      box.appendChild(head);
      var list = element("ol");
      entry[1].forEach(function (definition) { list.appendChild(element("li", "", definition)); });
      box.appendChild(list);
    });
    var credit = element("span", "word-popover__credit", data.dictionary + ", ");
    var licence = element("a", "", data.licence);
    licence.href = data.licence_url;
    credit.appendChild(licence);
    box.appendChild(credit);
    box.hidden = false;
    var rect = word.getBoundingClientRect();
    var width = box.offsetWidth;
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (rect.bottom + window.scrollY + 4) + "px";
    word.classList.add("word--open");
    word.setAttribute("aria-describedby", "word-popover");
    openWord = word;
    pinned = pin;
  }

  function closePopover() {
    var box = document.getElementById("word-popover");
    if (box) { box.hidden = true; }
    if (openWord) { openWord.classList.remove("word--open"); openWord.removeAttribute("aria-describedby"); }
    openWord = null;
    pinned = false;
  }

  function lookupWord(target) {
    var word = target && target.closest ? target.closest(".word") : null;
    return word && word.closest(".edition-report[data-lookup='on']") ? word : null;
  }

  /* Roving tab stop: the word last visited is the one Tab comes back to. */
  function visit(word) {
    var report = word.closest(".edition-report");
    var selector = word.closest(".block-zh-hant") ? ".block-zh-hant .word" : ".block-zh .word";
    report.querySelectorAll(selector + "[tabindex='0']").forEach(function (w) { w.setAttribute("tabindex", "-1"); });
    word.setAttribute("tabindex", "0");
    word.focus();
  }

  document.addEventListener("click", function (event) {
    var script = event.target.closest(".reading-aids button[data-script]");
    if (script) {
      remember(SCRIPT_KEY, script.getAttribute("data-script"));
      applyScript(script.getAttribute("data-script"));
      return;
    }
    var lookup = event.target.closest(".reading-aids .word-lookup");
    if (lookup) {
      var on = lookup.getAttribute("aria-pressed") !== "true";
      remember(LOOKUP_KEY, on ? "on" : "off");
      applyLookup(on);
      return;
    }
    var word = lookupWord(event.target);
    if (word) {
      if (openWord === word && pinned) { closePopover(); } else { showWord(word, true); }
      return;
    }
    if (!event.target.closest("#word-popover")) { closePopover(); }
  });

  document.addEventListener("mouseover", function (event) {
    var word = lookupWord(event.target);
    if (word && !pinned) { showWord(word, false); }
  });

  document.addEventListener("mouseout", function (event) {
    var word = lookupWord(event.target);
    if (word && word === openWord && !pinned && !word.contains(event.relatedTarget)) { closePopover(); }
  });

  document.addEventListener("focusin", function (event) {
    var word = lookupWord(event.target);
    if (word) { showWord(word, false); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && openWord) {
      closePopover();
      return;
    }
    var word = lookupWord(event.target);
    if (!word || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) { return; }
    var words = Array.prototype.filter.call(word.closest(".edition-report").querySelectorAll(".word"), function (w) {
      return w.offsetParent !== null; // the script shown
    });
    var next = words[words.indexOf(word) + (event.key === "ArrowRight" ? 1 : -1)];
    if (next) {
      event.preventDefault();
      visit(next);
    }
  });

  function setUpPage() {
    closePopover();
    applyScript(stored(SCRIPT_KEY, SCRIPTS, "hans"));
    applyLookup(stored(LOOKUP_KEY, ["on", "off"], "off") === "on");
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUpPage);
  } else {
    document.addEventListener("DOMContentLoaded", setUpPage);
  }
})();
