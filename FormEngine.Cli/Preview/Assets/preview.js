// FormEngine preview: answers update the page in place, and a saved template reloads it.
// Without this script every control still works: each form posts and the server redirects back to the page.
(function () {
  'use strict';

  var tools = document.querySelector('[data-preview-reload]');
  var version = tools ? tools.getAttribute('data-preview-reload') : null;
  var busy = false;
  var again = null;

  function answersForm() {
    var main = document.querySelector('main');
    return main ? main.querySelector('form[action="/answers"]') : null;
  }

  function isTyping(element) {
    return element && (element.tagName === 'TEXTAREA' ||
      (element.tagName === 'INPUT' && !/^(radio|checkbox|submit|button|hidden|file)$/.test(element.type)));
  }

  // Posts the answers, then swaps in the new page's <main>, keeping focus (and any typing) where the user is.
  function post(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) {
      data.append(submitter.name, submitter.value);
    }

    if (busy) {
      again = { form: form, submitter: submitter };
      return;
    }

    busy = true;
    fetch(form.action, { method: 'POST', body: new URLSearchParams(data), credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (html) { swap(html, submitter); })
      .catch(function () { form.submit(); })
      .then(function () {
        busy = false;
        if (again) {
          var next = again;
          again = null;
          post(answersForm() || next.form, next.submitter);
        }
      });
  }

  function swap(html, submitter) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    var fresh = page.querySelector('main');
    var main = document.querySelector('main');
    if (!fresh || !main) {
      window.location.reload();
      return;
    }

    var active = document.activeElement;
    var activeId = active && active.id ? active.id : null;
    var typing = isTyping(active);
    var value = typing ? active.value : null;
    var start = null;
    var end = null;
    try { start = active.selectionStart; end = active.selectionEnd; } catch (e) { /* not a text field */ }

    main.replaceChildren.apply(main, Array.prototype.map.call(fresh.childNodes, function (node) { return document.importNode(node, true); }));

    var target = activeId ? document.getElementById(activeId) : null;
    if (!target && submitter && submitter.name === '_add') {
      target = main.querySelector('[name="_add"][value="' + CSS.escape(submitter.value) + '"]');
    }
    if (target) {
      if (typing && target.value !== value) {
        target.value = value;
      }
      target.focus({ preventScroll: true });
      if (typing && start !== null) {
        try { target.setSelectionRange(start, end); } catch (e) { /* not a text field */ }
      }
    }

    // The live region stays in the page; changing its text is what a screen reader announces.
    var status = document.getElementById('fe-preview-status');
    var news = page.getElementById('fe-preview-status');
    if (status && news) {
      status.textContent = '';
      window.setTimeout(function () { status.textContent = news.textContent; }, 50);
    }

    var picker = document.getElementById('fe-preview-explain-path');
    var freshPicker = page.getElementById('fe-preview-explain-path');
    if (picker && freshPicker) {
      var chosen = picker.value;
      picker.innerHTML = freshPicker.innerHTML;
      picker.value = chosen;
    }
  }

  document.addEventListener('change', function (event) {
    var form = answersForm();
    if (form && form.contains(event.target)) {
      post(form, null);
    }
  });

  document.addEventListener('submit', function (event) {
    var form = answersForm();
    if (form && event.target === form) {
      event.preventDefault();
      post(form, event.submitter);
    }
  });

  // "Why is this shown?" opens the trace under the link instead of going to the explain panel.
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.fe-why') : null;
    if (!link) {
      return;
    }

    event.preventDefault();
    var box = link.parentNode.nextElementSibling;
    if (box && box.classList.contains('fe-preview-trace')) {
      box.remove();
      link.setAttribute('aria-expanded', 'false');
      return;
    }

    fetch('/explain?path=' + encodeURIComponent(link.getAttribute('data-path')), { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        var pre = document.createElement('pre');
        pre.className = 'fe-preview-trace';
        pre.id = 'why-' + link.getAttribute('data-path').replace(/[^A-Za-z0-9_-]/g, '-');
        pre.textContent = text;
        link.parentNode.after(pre);
        link.setAttribute('aria-controls', pre.id);
        link.setAttribute('aria-expanded', 'true');
      });
  });

  // The template changed on disk: reload, so the author sees the new version (or its errors) at once.
  if (version !== null) {
    window.setInterval(function () {
      fetch('/reloads', { credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) { return response.text(); })
        .then(function (latest) {
          if (latest.trim() !== version) {
            window.location.reload();
          }
        })
        .catch(function () { /* the preview stopped; keep the page as it is */ });
    }, 700);
  }
})();
