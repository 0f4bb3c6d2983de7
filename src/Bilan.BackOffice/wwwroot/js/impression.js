// The print button of the printable synthesis (a file, not inline: the CSP allows only this site's scripts).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('imprimer');
  if (button) {
    button.addEventListener('click', () => window.print());
  }
});
