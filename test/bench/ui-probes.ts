/**
 * Scripts the UI benchmark runs inside the page. They are plain JavaScript source, not
 * functions: tsx would wrap functions in helpers the page does not have, and this folder is
 * type-checked without the DOM library.
 */

/** Resolves with the time (ms after navigation start) at which every thumbnail of the first screen has loaded and a frame has painted. */
export const firstThumbnailsProbe = `new Promise((resolve) => {
  const check = () => {
    const grid = document.querySelector('[data-testid="photo-grid"]');
    const imgs = grid ? [...grid.querySelectorAll('img[data-testid="thumb"]')] : [];
    const box = grid && grid.getBoundingClientRect();
    const inView = imgs.filter((img) => box && img.getBoundingClientRect().top < box.bottom);
    if (inView.length > 0 && inView.every((img) => img.complete && img.naturalWidth > 0)) {
      // Two frames later the decoded images are on screen.
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ms: performance.now(), shown: inView.length })));
    } else requestAnimationFrame(check);
  };
  check();
})`;

/** Scrolls the grid a screen per frame from top to bottom, collecting long tasks on the way. */
export const scrollThroughProbe = `new Promise((resolve) => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const grid = document.querySelector('[data-testid="photo-grid"]');
  const started = performance.now();
  let frames = 0;
  const step = () => {
    frames++;
    grid.scrollTop += grid.clientHeight;
    if (grid.scrollTop + grid.clientHeight < grid.scrollHeight - 1) requestAnimationFrame(step);
    // Let the last frames' work finish before reading the observer.
    else setTimeout(() => {
      observer.disconnect();
      resolve({ frames, seconds: (performance.now() - started) / 1000, longTasks });
    }, 1000);
  };
  requestAnimationFrame(step);
})`;

export interface FirstThumbnails {
  ms: number;
  shown: number;
}

export interface ScrollResult {
  frames: number;
  seconds: number;
  longTasks: number[];
}
