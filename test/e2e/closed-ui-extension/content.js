// A closed shadow root on the portal page holding an extension-origin iframe (guide.html), as
// Balise's guide will be. A trusted click on « Recréer le guide » replaces the iframe with a new one.
const root = document.createElement('balise-test-ui').attachShadow({ mode: 'closed' });
root.innerHTML = '<p class="etat"></p><button type="button" id="recreer">Recréer le guide</button><div class="cadre"></div>';
let generation = 0;
function placeGuide() {
  generation += 1;
  const frame = document.createElement('iframe');
  frame.src = chrome.runtime.getURL(`guide.html#g${generation}`);
  root.querySelector('.cadre').replaceChildren(frame);
  root.querySelector('.etat').textContent = `Guide ${generation}`;
}
root.querySelector('#recreer').addEventListener('click', (event) => {
  if (event.isTrusted) placeGuide();
});
placeGuide();
document.body.append(root.host);
