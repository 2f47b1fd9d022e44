/*
 * crypto-repricing embed helper. Include once on a page that embeds one or more charts:
 *
 *   <iframe src=".../?embed=flows" data-crypto-repricing="flows" ...></iframe>
 *   <script src=".../embed.js" async></script>
 *
 * Each embedded chart posts its content height to the parent on load and on every resize:
 *
 *   { type: "crypto-repricing:height", chart: "correlation" | "flows" | "burn", height: <px> }
 *
 * This script sets the height of the iframe the message came from (matched by its
 * contentWindow, so other frames' messages are ignored). Because it may load after an
 * embed has already reported, it also asks every embed once to report again:
 *
 *   { type: "crypto-repricing:request-height" }
 *
 * No dependencies, no globals besides a guard flag.
 */
(function () {
  if (window.__cryptoRepricingEmbed) return;
  window.__cryptoRepricingEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'crypto-repricing:height' || typeof data.height !== 'number' || !isFinite(data.height)) {
      return;
    }
    var frames = document.querySelectorAll('iframe[data-crypto-repricing]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(Math.max(100, Math.min(data.height, 6000))) + 'px';
      }
    }
  });
  var frames = document.querySelectorAll('iframe[data-crypto-repricing]');
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow) {
      frames[i].contentWindow.postMessage({ type: 'crypto-repricing:request-height' }, '*');
    }
  }
})();
