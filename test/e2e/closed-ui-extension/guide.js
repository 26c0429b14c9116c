// Counts trusted clicks in #clics and untrusted ones in #refus.
document.querySelector('#compter').addEventListener('click', (event) => {
  const counter = document.querySelector(event.isTrusted ? '#clics' : '#refus');
  counter.textContent = String(Number(counter.textContent) + 1);
});
