// A wait that ends early when woken. A wake that arrives while nobody waits is kept, so a
// request that lands between a claim finding nothing and the wait starting is not missed.
export interface WakeSignal {
  wait(ms: number): Promise<void>;
  wake(): void;
}

export function createWakeSignal(): WakeSignal {
  let woken = false;
  let release: (() => void) | null = null;

  return {
    wait(ms) {
      if (woken) {
        woken = false;

        return Promise.resolve();
      }

      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done(): void {
          clearTimeout(timer);
          release = null;
          resolve();
        }
        release = done;
      });
    },
    wake() {
      if (release) release();
      else woken = true;
    },
  };
}
