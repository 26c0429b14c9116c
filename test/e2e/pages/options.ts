/**
 * Balise's options page, driven as a user does: opened, a profile file exported through
 * « Exporter » (the download itself is the browser's: the test keeps the Blob handed to it) and
 * one imported through the file input, confirmed as the user does.
 */
import { renderMessage, renderPlural, type MessageKey } from '../../../lib/i18n/catalog';
import type { TestPage } from '../harness';
import { OPTIONS_READY } from '../seed';

const say = (key: MessageKey, ...subs: (string | number)[]) => renderMessage(key, subs.map(String), 'fr');

/** Once the page has drawn its tools and « Exporter ». */
export async function openOptions(page: TestPage, url: string): Promise<void> {
  await page.goto(url);
  await page.waitFor(OPTIONS_READY);
  await page.waitFor(() => Array.from(document.querySelectorAll('button')).some((b) => b.textContent === 'Exporter'));
}

/** « Exporter » then « Télécharger »: the file's text. */
export async function exportThroughOptions(page: TestPage): Promise<string> {
  await page.evaluate(() => {
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      (window as unknown as { exported: Promise<string> }).exported = blob.text();
      return create(blob);
    };
  });
  await page.clickByRole('button', 'Exporter');
  await page.clickByRole('button', say('exportDownload'));
  await page.waitFor(() => 'exported' in window);
  return page.evaluate(() => (window as unknown as { exported: Promise<string> }).exported);
}

/** A file chosen in the import input, as the user does: the dialog reads it, then shows its preview. */
export async function chooseImportFile(page: TestPage, text: string, fileName: string): Promise<void> {
  await page.evaluate(
    ({ text, fileName }) => {
      const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { text, fileName },
  );
}

/** A file chosen in the import input, then « Importer »; resolves once the page says `added` were added. */
export async function importThroughOptions(page: TestPage, text: string, fileName: string, added: number): Promise<void> {
  await chooseImportFile(page, text, fileName);
  await page.clickByRole('button', say('importConfirmLabel'));
  const done = say('importDone', say('importOutcome', renderPlural('importAdded', added), renderPlural('importReplaced', 0), renderPlural('importKept', 0)));
  await page.waitFor(new Function(`return document.body.textContent.includes(${JSON.stringify(done)})`) as () => boolean);
}
