// Space Alliances embed helper (protocol 1). Include it once on a page that
// embeds the app in an <iframe>:
//  - each embedded view sizes its iframe to its content (and is told so, so
//    that it keeps its content's height rather than fit a short frame);
//  - scrollytelling: sections marked data-space-alliances-view="?date=2021-03&sel=CHN"
//    (or data-space-alliances-story="hedgers" data-space-alliances-step="3") move the
//    embedded graph to their view as they scroll into the middle of the screen. The
//    iframe they drive is the one named by data-space-alliances-target="<iframe id>",
//    else the first iframe marked data-space-alliances, else the page's first
//    Space Alliances iframe;
//  - the iframe fires a "space-alliances:view" DOM event with {query, selected}
//    whenever its view changes.
// It only accepts messages of the protocol's shapes that come from one of the
// page's own iframes, and only ever changes that iframe's height.
(function () {
  'use strict';
  var PROTOCOL = 1;
  var ready = new WeakMap(); // iframe -> true once the app said it is ready
  var wanted = new WeakMap(); // iframe -> the last message it should get
  var sizing = new WeakMap(); // iframe -> true once told that its height follows the content

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function originOf(frame) {
    try { return new URL(frame.src, location.href).origin; } catch (e) { return null; }
  }

  function post(frame, msg) {
    var origin = originOf(frame);
    if (frame.contentWindow && origin) frame.contentWindow.postMessage(msg, origin === 'null' ? '*' : origin);
  }

  // Sent now (the app may be running already, its ready message before this
  // script), and again once it says it is ready if that is still to come.
  function send(frame, msg) {
    if (!ready.get(frame)) wanted.set(frame, msg);
    post(frame, msg);
  }

  // Tells the app this page sizes its frame to the content, so it keeps its
  // content's height instead of fitting a short frame.
  function sizes(frame) {
    if (sizing.get(frame)) return;
    sizing.set(frame, true);
    post(frame, { type: 'space-alliances:sizing', protocol: PROTOCOL });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string' || data.type.indexOf('space-alliances:') !== 0) return;
    var frame = frameOf(event.source);
    if (!frame) return;
    if (data.type === 'space-alliances:height' || data.type === 'space-alliances:ready') sizes(frame);
    if (data.type === 'space-alliances:height') {
      if (typeof data.height === 'number' && data.height > 0 && data.height < 20000) {
        frame.style.height = Math.ceil(data.height) + 'px';
      }
    } else if (data.type === 'space-alliances:ready') {
      ready.set(frame, true);
      frame.setAttribute('data-space-alliances', '');
      var msg = wanted.get(frame);
      if (msg) { wanted.delete(frame); send(frame, msg); }
    } else if (data.type === 'space-alliances:view-changed' && typeof data.query === 'string') {
      frame.dispatchEvent(new CustomEvent('space-alliances:view', {
        detail: { query: data.query, selected: typeof data.selected === 'string' ? data.selected : null }
      }));
    }
  });

  function target(section) {
    var id = section.getAttribute('data-space-alliances-target');
    if (id) return document.getElementById(id);
    return document.querySelector('iframe[data-space-alliances]') || document.querySelector('iframe');
  }

  function messageFor(section) {
    var view = section.getAttribute('data-space-alliances-view');
    if (view !== null) return { type: 'space-alliances:set-view', protocol: PROTOCOL, query: view };
    var story = section.getAttribute('data-space-alliances-story');
    var step = parseInt(section.getAttribute('data-space-alliances-step') || '1', 10);
    if (story && step > 0) return { type: 'space-alliances:go-to-step', protocol: PROTOCOL, story: story, step: step };
    return null;
  }

  function scrolly() {
    var sections = document.querySelectorAll('[data-space-alliances-view], [data-space-alliances-story]');
    if (!sections.length || !('IntersectionObserver' in window)) return;
    // A section takes over when it crosses the middle of the screen.
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        var frame = target(entry.target);
        var msg = messageFor(entry.target);
        if (frame && msg) send(frame, msg);
      });
    }, { rootMargin: '-45% 0px -45% 0px' });
    for (var i = 0; i < sections.length; i++) observer.observe(sections[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scrolly);
  else scrolly();
})();
