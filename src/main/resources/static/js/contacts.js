// The contacts form: "add persons" adds one empty box in place instead of posting the form back (without script it posts).
(function () {
  var add = document.getElementById('entry-add');
  var rows = document.getElementById('rows');
  if (!add || !rows) return;
  add.addEventListener('click', function (event) {
    var boxes = rows.querySelectorAll('.contact-row');
    var last = boxes[boxes.length - 1];
    if (!last) return;
    event.preventDefault();
    var n = boxes.length;
    var box = last.cloneNode(true);
    box.querySelectorAll('[name]').forEach(function (el) {
      el.name = el.name.replace(/^rows\[\d+\]/, 'rows[' + n + ']');
      if (el.type === 'checkbox') el.checked = false;
      else if (el.type !== 'date') el.value = '';
    });
    box.querySelectorAll('[id]').forEach(function (el) { el.id = el.id.replace(/^r\d+-/, 'r' + n + '-'); });
    box.querySelectorAll('label[for]').forEach(function (el) { el.htmlFor = el.htmlFor.replace(/^r\d+-/, 'r' + n + '-'); });
    box.querySelectorAll('.is-invalid').forEach(function (el) { el.classList.remove('is-invalid'); });
    box.querySelectorAll('.invalid-feedback').forEach(function (el) { el.textContent = ''; });
    var legend = box.querySelector('legend');
    if (legend) legend.textContent = legend.textContent.replace(/\d+/, String(n + 1));
    rows.appendChild(box);
    var name = box.querySelector('input');
    if (name) name.focus();
  });
})();
