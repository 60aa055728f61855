// Small enhancements for every page; each works without it too.
(function () {
  "use strict";

  // "Copy link" buttons: data-copy names the input holding the link.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var input = document.querySelector(button.getAttribute("data-copy"));
    var status = button.parentElement.querySelector("[data-copied]");
    input.select();
    var done = function () { if (status) status.textContent = "Copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });

  // The quick path's rows offer the systems named above as each flow's sender, as they are typed.
  document.addEventListener("input", function (event) {
    if (event.target.id !== "landscape-systems") return;
    var list = document.getElementById("systems-named");
    if (!list) return;
    var seen = {};
    list.replaceChildren.apply(list, event.target.value.split(",").map(function (name) { return name.trim(); })
      .filter(function (name) {
        var key = name.toLowerCase();
        if (!name || seen[key]) return false;
        seen[key] = true;
        return true;
      })
      .map(function (name) { var option = document.createElement("option"); option.value = name; return option; }));
  });

  // The editor's count of systems follows the systems its flows name (each sender and receiver once, whatever
  // its case) until the person types a count of their own; the line beside it says how many (forms.systems_hint).
  document.addEventListener("input", function (event) {
    var editor = event.target.closest && event.target.closest("#editor");
    var count = editor && editor.querySelector("#landscape-systems");
    if (!count) return;
    if (event.target === count) { count.setAttribute("data-typed", ""); return; }
    if (!/^flow-\d+-(source|consumers)$/.test(event.target.id)) return;
    var seen = {};
    editor.querySelectorAll("input[id^='flow-']").forEach(function (box) {
      var found = /^flow-\d+-(source|consumers)$/.exec(box.id);
      if (!found) return;
      (found[1] === "consumers" ? box.value.split(",") : [box.value]).forEach(function (name) {
        var key = name.trim().toLowerCase();
        if (key && !(key in seen)) seen[key] = name.trim();
      });
    });
    var names = Object.keys(seen).map(function (key) { return seen[key]; });
    var named = names.length;
    // Up to four systems, it names them (forms.SYSTEMS_LISTED).
    var which = named > 0 && named <= 4 ? " (" + names.join(", ") + ")" : "";
    var hint = document.getElementById("landscape-systems-hint");
    if (hint) hint.textContent = "Your flows name " + named + " system" + (named === 1 ? "" : "s") + which + "; the count follows them until you change it.";
    if (!count.hasAttribute("data-typed") && named >= 2) count.value = String(named);
  });

  // A command to three or more receivers, or two with more to come (growth expected), is usually an event
  // (docs/decision-rules.md R3, and the receivers' help in engine/answers.py): said beside the flow's interaction, the answer left as
  // it is, on load, as receivers, the interaction or the growth change, and after the editor is swapped.
  var commandHint = "Three or more receivers, or two with more to come: usually an event — announce the fact and let each act on it.";
  var growing = function () {
    var growth = document.querySelector("input[name='landscape-growth']:checked");
    return growth !== null && (growth.value === "some" || growth.value === "fast");
  };
  var hintCommands = function () {
    document.querySelectorAll("#editor fieldset[id$='-interaction']").forEach(function (group) {
      var consumers = document.getElementById(group.id.replace(/-interaction$/, "-consumers"));
      if (!consumers) return;
      var chosen = group.querySelector("input[type=radio]:checked");
      var count = consumers.value.split(",").filter(function (name) { return name.trim(); }).length;
      var many = count >= 3 || (count === 2 && growing());
      var hint = document.getElementById(group.id + "-hint");
      if (!hint) {
        hint = document.createElement("p");
        hint.className = "hint";
        hint.id = group.id + "-hint";
        hint.setAttribute("aria-live", "polite");
        group.querySelector(".options").insertAdjacentElement("afterend", hint);
      }
      var show = many && chosen !== null && chosen.value === "command";
      hint.hidden = !show;
      hint.textContent = show ? commandHint : "";
    });
  };
  hintCommands();
  document.addEventListener("input", function (event) {
    if (/^flow-\d+-(consumers|interaction)$/.test(event.target.id || event.target.name || "")) hintCommands();
  });
  document.addEventListener("change", function (event) {
    if (/^(flow-\d+-interaction|landscape-growth)$/.test(event.target.name || "")) hintCommands();
  });
  document.addEventListener("htmx:afterSettle", hintCommands);

  // A nightly file's hint beside messages a day and the size (forms.BATCH_HINTS), said only on a flow that may be
  // one: in the editor a command due within hours, on the quick path a row chosen as a file or batch.
  var hintFiles = function () {
    document.querySelectorAll("p[data-hint-file]").forEach(function (hint) {
      var prefix = /^(flow-\d+)-/.exec(hint.id);
      if (!prefix) return;
      var row = document.getElementById(prefix[1] + "-interaction");
      var file;
      if (row && row.tagName === "SELECT") {
        file = row.value === "file";
      } else {
        var chosen = function (answer) {
          var radio = document.querySelector("input[name='" + prefix[1] + "-" + answer + "']:checked");
          return radio ? radio.value : "";
        };
        file = chosen("interaction") === "file" || (chosen("interaction") === "command" && chosen("latency") === "hours");
      }
      var text = hint.getAttribute(file ? "data-hint-file" : "data-hint-other");
      if (hint.textContent !== text) hint.textContent = text;
      hint.hidden = !text;
    });
    // A file or batch left empty moves once a day (forms.FILE_VOLUME_PLACEHOLDER): the box says so only then.
    document.querySelectorAll("input[data-placeholder-file]").forEach(function (box) {
      var prefix = /^(flow-\d+)-/.exec(box.id);
      var radio = prefix && document.querySelector("input[name='" + prefix[1] + "-interaction']:checked");
      var file = radio !== null && radio.value === "file";
      box.placeholder = box.getAttribute(file ? "data-placeholder-file" : "data-placeholder-other");
    });
  };
  // A choice the person makes is theirs: its group's "(assumed)" goes. One the page fills in (a file's hours) is
  // the page's: the mark moves onto it, so it never stays on a choice no longer shown.
  var markAssumed = function (group, radio) {
    group.querySelectorAll(".assumed").forEach(function (mark) { mark.hidden = true; });
    if (!radio) return;
    var mark = radio.parentElement.querySelector(".assumed");
    if (!mark) {
      mark = document.createElement("span");
      mark.className = "assumed";
      mark.textContent = "(assumed)";
      radio.parentElement.append(" ", mark);
    }
    mark.hidden = false;
  };
  document.addEventListener("change", function (event) {
    var radio = event.target;
    if (radio.type !== "radio" || !event.isTrusted || !radio.closest("#editor")) return;
    var group = radio.closest("fieldset");
    if (group && group.querySelector(".assumed")) markAssumed(group, null);
  });
  hintFiles();
  document.addEventListener("change", function (event) {
    var name = event.target.name || "";
    // A file or batch chosen in the editor moves within hours, as on the quick path: said at once, to be changed.
    if (/^flow-\d+-interaction$/.test(name) && event.target.type === "radio" && event.target.value === "file") {
      var hours = document.querySelector("input[name='" + name.replace(/interaction$/, "latency") + "'][value='hours']");
      if (hours && !hours.checked) {
        hours.checked = true;
        hours.dispatchEvent(new Event("change", { bubbles: true }));
        markAssumed(hours.closest("fieldset"), hours);
      }
    }
    if (/^flow-\d+-(interaction|latency)$/.test(name)) hintFiles();
  });
  document.addEventListener("htmx:afterSettle", hintFiles);

  // A number's “I'm not sure” (forms.DoubtInput) and its box say the same: ticked, the box says “not sure” (as if
  // typed, so the preview reads it at once); typed “not sure”, it is ticked; a number typed instead unticks it.
  var notSure = /^(unknown|not sure|don't know|\?)$/;
  document.addEventListener("change", function (event) {
    var tick = event.target;
    var box = tick.hasAttribute && tick.hasAttribute("data-not-sure-of") && document.getElementById(tick.getAttribute("data-not-sure-of"));
    if (!box) return;
    var said = notSure.test(box.value.trim().toLowerCase().replace("’", "'"));
    if (tick.checked && !said) box.value = "not sure";
    else if (!tick.checked && said) box.value = "";
  });
  document.addEventListener("input", function (event) {
    var tick = event.target.id && document.getElementById(event.target.id + "-unsure");
    if (!tick || tick.type !== "checkbox") return;
    tick.checked = notSure.test(event.target.value.trim().toLowerCase().replace("’", "'"));
  });

  // A flow's heading and its jump link follow its name as it is typed, and the editor's heading the assessment's
  // (the page says it on the next load too).
  document.addEventListener("input", function (event) {
    var found = /^(?:(flow-\d+)-)?name$/.exec(event.target.id || "");
    if (!found || !event.target.closest("#editor")) return;
    var name = event.target.value.trim() || "(no name yet)";
    var of = found[1] || "assessment";
    document.querySelectorAll('[data-name-of="' + of + '"]').forEach(function (span) { span.textContent = name; });
  });

  // An answer that came with an example (a use case) is marked so; changed, it is the person's own and the mark goes.
  var unmark = function (event) {
    var question = event.target.closest && event.target.closest("#editor .question, #quick .question");
    if (!question) return;
    question.querySelectorAll(".from-example").forEach(function (mark) { mark.hidden = true; });
    // The line above the questions (an example's answers, or the quick path's usual ones) no longer states
    // them: it says they were changed.
    var gist = question.closest(".example-answers") && question.closest(".example-answers").querySelector(".example-gist");
    if (gist && gist.textContent !== gist.getAttribute("data-changed")) gist.textContent = gist.getAttribute("data-changed");
  };
  document.addEventListener("input", unmark);
  document.addEventListener("change", unmark);

  // Below 1024 px the editor's preview folds into a bar above the Save bar; its button opens it over the form
  // (the page stays where the person is) and closes it, and Escape closes it again. Without this script the
  // preview stays where it is, after the form.
  var toggle = document.querySelector("[data-preview-toggle]");
  if (toggle) {
    var panel = toggle.closest(".preview-panel");
    var preview = document.getElementById(toggle.getAttribute("aria-controls"));
    var close = toggle.querySelector(".preview-toggle-close");
    var show = function (open) {
      toggle.setAttribute("aria-expanded", String(open));
      panel.classList.toggle("is-open", open);
      if (close) close.hidden = !open;
      // Open, the preview scrolls within the bar: the keyboard can reach it to scroll it.
      if (open) preview.setAttribute("tabindex", "0"); else preview.removeAttribute("tabindex");
    };
    panel.classList.add("is-collapsible");
    toggle.addEventListener("click", function () { show(toggle.getAttribute("aria-expanded") !== "true"); });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && panel.classList.contains("is-open")) { show(false); toggle.focus(); }
    });
  }

  // A link to something folded in a closed disclosure (a term of the results page's glossary) opens it there.
  var unfold = function (id) {
    var target = id && document.getElementById(id);
    for (var node = target && target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
  };
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (link) unfold(decodeURIComponent(link.getAttribute("href").slice(1)));
  });
  unfold(decodeURIComponent(location.hash.slice(1)));

  // A confirmation that came with the page ("Saved.") is written into its live region again once loaded, so
  // that screen readers say it too, not only show it.
  setTimeout(function () {
    document.querySelectorAll(".messages[aria-live] .message").forEach(function (message) {
      message.textContent = message.textContent;
    });
  }, 150);

  // A page that answers with errors opens at them: their summary takes the focus (and so scrolls into view).
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) summary.focus();

  // The editor's list of flows: a link focuses the flow's heading, so the keyboard goes on from there.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".flow-jump a[href^='#']");
    var heading = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!heading) return;
    event.preventDefault();
    heading.focus();
    history.replaceState(null, "", link.getAttribute("href"));
  });

  // An error summary's link goes to its field and focuses it (a choice's checked or first option), with the
  // question's label in view; a link alone would only scroll.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".error-summary a[href^='#'], .preview-incomplete a[href^='#']");
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    var field = target.matches("input, select, textarea") ? target
      : target.querySelector("input:checked, input:not([type=hidden]), select, textarea");
    if (!field) return;
    event.preventDefault();
    (field.closest(".question") || target).scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
  });
})();
