// The import checker in a Web Worker: parsing and validating a 10,000-card deck or a backup of
// 100,000 answers takes seconds on a phone, and the page must keep scrolling and painting meanwhile.
import { handleTransfer, type TransferRequest } from './handle';

interface Message {
	id: number;
	request: TransferRequest;
}

self.onmessage = async (event: MessageEvent<Message>) => {
	const { id, request } = event.data;
	try {
		self.postMessage({ id, result: await handleTransfer(request) });
	} catch (e) {
		self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
	}
};
