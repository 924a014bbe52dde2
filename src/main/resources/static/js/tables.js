// issue 14: phone-first. Each table cell is given its column's header as data-label, which phaodai.css shows
// above the cell when the table becomes stacked cards on a phone. Tables htmx brings later get theirs too.
(function () {
  function label(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('table.table').forEach(function (table) {
      var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
      if (!head) return;
      var names = [];
      Array.from(head.cells).forEach(function (th) {
        for (var i = 0; i < (th.colSpan || 1); i++) names.push(th.textContent.trim());
      });
      Array.from(table.tBodies).forEach(function (body) {
        Array.from(body.rows).forEach(function (row) {
          var column = 0;
          Array.from(row.cells).forEach(function (cell) {
            var name = names[column];
            if (name && !cell.hasAttribute('data-label') && (cell.colSpan || 1) === 1) cell.setAttribute('data-label', name);
            column += cell.colSpan || 1;
          });
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { label(document); });
  document.addEventListener('htmx:afterSettle', function (e) { label(e.target.closest('table') ? e.target.closest('table').parentNode : e.target); });
})();
