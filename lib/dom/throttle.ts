/** Calls `run` at most once per `delay` ms while `schedule` keeps being called (DOM mutations). */
export function throttle(run: () => void, delay: number, setTimer: (callback: () => void, ms: number) => unknown = setTimeout) {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimer(() => {
      pending = false;
      run();
    }, delay);
  };
}
