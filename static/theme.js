// Applies the learner's theme and motion choice before the first paint (a file, not an inline
// script, so the Content-Security-Policy can stay strict). The settings screen keeps these in sync.
try {
	var root = document.documentElement;
	var theme = localStorage.getItem('recall-theme');
	if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
	if (localStorage.getItem('recall-motion') === 'reduce') root.dataset.motion = 'reduce';
} catch {
	// Storage blocked: the system theme applies.
}
