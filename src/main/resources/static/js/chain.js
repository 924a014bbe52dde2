// Draws a chain of transmission (the JSON in #chain-graph's data-chain) with Cytoscape; no inline script (CSP).
(function () {
  const box = document.getElementById('chain-graph');
  if (!box || typeof cytoscape === 'undefined') return;
  const chain = JSON.parse(box.dataset.chain);
  const colour = {F0: '#dc3545', F1: '#ffc107', F2: '#0dcaf0'};
  const elements = chain.nodes.map(n => ({data: {id: String(n.personId),
      label: (n.name || ('#' + n.personId)) + (n.tier ? ' · ' + n.tier : ''), colour: colour[n.tier] || '#adb5bd', caseId: n.caseId}}))
    .concat(chain.edges.map(e => ({data: {id: e.source + '-' + e.target, source: String(e.source), target: String(e.target),
      width: e.kind === 'INFECTION' ? 3 : 1, line: e.kind === 'INFECTION' ? '#dc3545' : '#6c757d'}})));
  const cy = cytoscape({
    container: box, elements: elements,
    style: [
      {selector: 'node', style: {'background-color': 'data(colour)', 'label': 'data(label)', 'font-size': 10}},
      {selector: 'edge', style: {'width': 'data(width)', 'line-color': 'data(line)', 'target-arrow-color': 'data(line)',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier'}}],
    layout: {name: 'breadthfirst', directed: true, padding: 10, spacingFactor: 1.1}
  });
  cy.on('tap', 'node', ev => {
    const c = ev.target.data('caseId');
    if (c) window.location = box.dataset.base + c + '/chain';
  });
  document.getElementById('rendered-count').textContent = cy.nodes().length;
})();
