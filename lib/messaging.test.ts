import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineMessage } from './messaging';

describe('defineMessage', () => {
  it('dispatches each message to its own handler and ignores foreign messages', async () => {
    const double = defineMessage<number, number>(`double-${crypto.randomUUID()}`);
    const greet = defineMessage<string, string>(`greet-${crypto.randomUUID()}`);
    double.handle((n) => n * 2);
    greet.handle(async (name) => `Bonjour ${name}`);

    const sender = {};
    // trigger() resolves to each listener's return value: ours is the reply (or undefined).
    const reply = async (message: unknown) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {})) as unknown[];
    expect(await reply({ balise: double.name, data: 21 })).toContain(42);
    expect(await reply({ balise: greet.name, data: 'Claire' })).toContain('Bonjour Claire');
    expect((await reply({ type: 'autre' })).every((a) => a === undefined)).toBe(true);
  });

  it('refuses a second handler for the same message', () => {
    const once = defineMessage(`once-${crypto.randomUUID()}`);
    once.handle(() => undefined);
    expect(() => once.handle(() => undefined)).toThrow(/already has a handler/);
  });
});
