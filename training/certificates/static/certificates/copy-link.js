// "Copy link" buttons on the certificates page. Without JavaScript the link
// stays in a read-only field that can be selected and copied by hand.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const input = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  try {
    await navigator.clipboard.writeText(input.value);
  } catch (error) {
    input.select();
    document.execCommand("copy");
  }
  if (status) status.textContent = button.dataset.copiedText;
});
