// checker.js - put into a copy of a page by tests/browser/check.sh, before
// the page's own script: it records every error, then at the load event
// writes what it found as JSON into <pre id="browser-check">, which
// chromium --dump-dom prints.  Test code only: never part of a page.
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) {
    var t = e.target && e.target !== window && e.target.tagName ? e.target.tagName + ' failed to load' : (e.message || 'error');
    errors.push(t);
  }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) { errors.push('CSP: ' + e.violatedDirective); });
  ['error', 'warn'].forEach(function (k) {
    var orig = console[k];
    console[k] = function () { errors.push('console.' + k + ': ' + Array.prototype.join.call(arguments, ' ')); return orig.apply(console, arguments); };
  });
  window.addEventListener('load', function () {
    var r = { errors: errors, title: document.title, broken_images: 0, images: 0,
              broken_anchors: [], links: [], claims: [], scripts: document.scripts.length,
              handlers: [], foreign: 0, plots: 0, svgs: 0, load_ms: 0 };
    Array.prototype.forEach.call(document.images, function (img) {
      r.images++;
      if (!img.complete || img.naturalWidth === 0) r.broken_images++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('a[href]'), function (a) {
      var h = a.getAttribute('href');
      if (h.charAt(0) === '#') {
        if (!document.getElementById(decodeURIComponent(h.slice(1)))) r.broken_anchors.push(h);
      } else {
        r.links.push(h);
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('*'), function (el) {
      Array.prototype.forEach.call(el.attributes, function (at) {
        if (/^on/i.test(at.name)) r.handlers.push(el.tagName + '@' + at.name);
        if (/^\s*javascript:/i.test(at.value)) r.handlers.push(el.tagName + '@' + at.name + '=javascript:');
      });
    });
    r.foreign = document.querySelectorAll('iframe, object, embed, foreignObject, base, form').length;
    Array.prototype.forEach.call(document.querySelectorAll('section.claim'), function (s) {
      var id = s.querySelector('h2 .cid'), badge = s.querySelector('.badge');
      r.claims.push({ id: id ? id.textContent : null, verdict: badge ? badge.textContent : '',
                      anchor: s.id });
    });
    r.plots = document.querySelectorAll('figure.plot').length;
    r.svgs = document.querySelectorAll('figure.plot svg').length;
    // Hover: a pointer over the first point of the first plot with axes
    // must make the page's tooltip say the point's values.
    r.hover_plots = document.querySelectorAll('figure.plot[data-xmin]').length;
    r.hover = null;
    var fig = document.querySelector('figure.plot[data-xmin]');
    if (fig) {
      fig.scrollIntoView();
      var svg = fig.querySelector('svg'), marks = svg.querySelectorAll('use'), target = null;
      for (var i = 0; i < marks.length && !target; i++) {
        var b = marks[i].getBoundingClientRect();
        if (!marks[i].closest('defs') && b.width > 0 && !marks[i].closest('[id$="_keyentry"]')) target = b;
      }
      if (target) {
        svg.dispatchEvent(new MouseEvent('mousemove', { bubbles: true,
          clientX: target.left + target.width / 2, clientY: target.top + target.height / 2 }));
        var tip = document.querySelector('.tip');
        r.hover = tip && !tip.hidden ? tip.textContent : '';
      }
      window.scrollTo(0, 0);
    }
    var nav = performance.getEntriesByType('navigation')[0];
    r.load_ms = nav ? Math.round(nav.loadEventStart) : -1;
    var pre = document.createElement('pre');
    pre.id = 'browser-check';
    pre.textContent = JSON.stringify(r);
    document.body.appendChild(pre);
  });
})();
