"""Timing shared by the PyTorch side of the benches (imported from the scripts' own folder)."""
import time


def best_ms(fn, steps, repeats):
    """Best over `repeats` trials of the mean milliseconds of `steps` calls of fn(i)
    (the minimum is the estimate least disturbed by other processes)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for i in range(steps):
            fn(i)
        times.append((time.perf_counter() - t0) * 1e3 / steps)
    return min(times)
