/** Saves text as a file through the browser's download, without any network request. */
export function downloadText(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click's download has started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
