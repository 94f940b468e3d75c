// Chart.js for the dashboard, loaded as its own chunk the first time there is something to chart.
// Only the pieces the two charts use are imported and registered: a dynamic import of 'chart.js'
// itself would keep every controller, scale and plugin (esbuild cannot tree-shake a namespace
// that escapes), so main.ts dynamically imports this module instead.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ChartFactory } from './charts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export const createChart: ChartFactory = (canvas, config) => {
	const chart = new Chart(canvas, config);
	return {
		update(next) {
			chart.data = next.data;
			chart.options = next.options ?? {};
			chart.update('none');
		},
		destroy: () => chart.destroy(),
	};
};
