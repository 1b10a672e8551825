// Space Alliances embed helper: include once on a page that embeds the app in
// an <iframe>; each embedded view then sizes the iframe to its content.
// It only accepts {type: "space-alliances:height", height} messages that come
// from one of the page's own iframes, and only changes that iframe's height.
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'space-alliances:height' || typeof data.height !== 'number') return;
    if (!(data.height > 0 && data.height < 20000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(data.height) + 'px';
        return;
      }
    }
  });
})();
