import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptGuideChannel } from './guide-channel';

/** A message as the frame receives it; jsdom's window.parent is the window itself for a top document. */
function post(data: unknown, ports: MessagePort[], source: MessageEventSource | null = window.parent) {
  window.dispatchEvent(new MessageEvent('message', { data, ports, source }));
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('acceptGuideChannel', () => {
  it('takes the one port that comes with this frame’s token, and nothing after it', () => {
    const onPort = vi.fn();
    stop = acceptGuideChannel('jeton-secret', onPort);
    const { port1, port2 } = new MessageChannel();
    post({ baliseGuide: 'jeton-secret' }, [port2]);
    post({ baliseGuide: 'jeton-secret' }, [new MessageChannel().port2]);
    expect(onPort).toHaveBeenCalledTimes(1);
    expect(onPort.mock.calls[0]?.[0] === port2).toBe(true);
    port1.close();
  });

  it('ignores what the page posts: no token, a wrong one, no port, another source, or an empty token', () => {
    const onPort = vi.fn();
    stop = acceptGuideChannel('jeton-secret', onPort);
    const port = () => [new MessageChannel().port2];
    post({ baliseGuide: 'devine' }, port());
    post({ baliseGuide: 'jeton-secret' }, []);
    post({ hello: true }, port());
    post({ baliseGuide: 'jeton-secret' }, port(), null);
    stop();
    stop = acceptGuideChannel('', onPort);
    post({ baliseGuide: '' }, port());
    expect(onPort).not.toHaveBeenCalled();
  });
});
