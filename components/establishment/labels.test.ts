import { db } from '../../lib/profile/db';
import { sampleEstablishment } from '../../lib/profile/sample';
import { copyOf } from '../../lib/profile/store';
import { readLabels } from './labels';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

it('reads every label with its id, in French order rather than the index’s code-unit order', async () => {
  const sample = sampleEstablishment();
  const labels = ['Zénith', 'établissement Sud', 'EHPAD Nord', 'Fondation'];
  const stored = labels.map((label) => copyOf(sample, label));
  await db.establishments.bulkPut(stored);
  const read = await readLabels();
  expect(read.map((e) => e.label)).toEqual(['EHPAD Nord', 'établissement Sud', 'Fondation', 'Zénith']);
  expect(read.map((e) => e.id)).toEqual(read.map((e) => stored.find((s) => s.label === e.label)!.id));
});

it('reads nothing from an empty workstation', async () => {
  expect(await readLabels()).toEqual([]);
});
