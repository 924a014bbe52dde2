// Pickers by name (fragments/picker.html): suggestions from data-picker's URL as the user types; choosing one sets
// the hidden id. Typing again clears the id, so the server resolves the typed name (as it does without script).
// A picker with data-picker-commune="<field>" asks for villages of the commune chosen in that field of its form.
(function () {
  function setUp(box) {
    box.dataset.pickerReady = 'yes';
    const value = box.querySelector('[data-picker-value]');
    const text = box.querySelector('[data-picker-text]');
    const list = box.querySelector('.picker-list');
    let timer = null, asked = 0, items = [], active = -1;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      text.setAttribute('aria-expanded', 'false');
      items = [];
      active = -1;
    }

    function choose(s) {
      value.value = s.id;
      text.value = s.label;
      text.classList.remove('is-invalid');
      close();
      value.dispatchEvent(new Event('change', {bubbles: true}));
    }

    function show(suggestions) {
      list.replaceChildren();
      items = suggestions;
      active = -1;
      suggestions.forEach((s, i) => {
        const li = document.createElement('li');
        li.className = 'list-group-item list-group-item-action picker-item';
        li.setAttribute('role', 'option');
        li.id = text.id + '-' + i;
        li.textContent = s.label;
        // mousedown, not click: the box's blur must not close the list before the choice lands.
        li.addEventListener('mousedown', ev => { ev.preventDefault(); choose(s); });
        list.appendChild(li);
      });
      if (suggestions.length === 0) {
        const li = document.createElement('li');
        li.className = 'list-group-item text-muted picker-item';
        li.textContent = box.dataset.pickerNone || '—';
        list.appendChild(li);
      }
      list.hidden = false;
      text.setAttribute('aria-expanded', 'true');
    }

    function ask() {
      const url = new URL(box.dataset.picker, window.location.href);
      url.searchParams.set('q', text.value.trim());
      const communeField = box.dataset.pickerCommune;
      if (communeField && box.form) {
        const commune = box.form.querySelector('input[type=hidden][name="' + communeField + '"]');
        if (commune && commune.value) url.searchParams.set('commune', commune.value);
      }
      const mine = ++asked;
      fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(r => r.ok ? r.json() : [])
        .then(s => { if (mine === asked && document.activeElement === text) show(s); })
        .catch(() => {});
    }

    function mark(i) {
      const options = list.querySelectorAll('[role=option]');
      if (options.length === 0) return;
      active = (i + options.length) % options.length;
      options.forEach((o, k) => o.classList.toggle('active', k === active));
      text.setAttribute('aria-activedescendant', options[active].id);
    }

    text.addEventListener('input', () => {
      value.value = '';
      clearTimeout(timer);
      if (text.value.trim().length === 0) { close(); return; }
      timer = setTimeout(ask, 200);
    });
    text.addEventListener('focus', () => { if (text.value.trim().length > 0 && !value.value) ask(); });
    text.addEventListener('blur', () => setTimeout(close, 150));
    text.addEventListener('keydown', ev => {
      if (list.hidden) return;
      if (ev.key === 'ArrowDown') { ev.preventDefault(); mark(active + 1); }
      else if (ev.key === 'ArrowUp') { ev.preventDefault(); mark(active - 1); }
      else if (ev.key === 'Escape') close();
      else if (ev.key === 'Enter' && active >= 0 && items[active]) { ev.preventDefault(); choose(items[active]); }
    });
  }

  document.querySelectorAll('[data-picker]').forEach(setUp);
  document.body.addEventListener('htmx:afterSwap', ev =>
    ev.target.querySelectorAll('[data-picker]').forEach(b => { if (!b.dataset.pickerReady) setUp(b); }));
})();
