/**
 * Answers to queries, kept for one data version: the least recently used go first, and a new
 * version forgets them all. Concurrent askers of the same question share one promise.
 */
export class AnswerCache<T> {
	private version = -1;
	private answers = new Map<string, Promise<T>>();

	constructor(private readonly capacity: number) {}

	get(version: number, key: string, ask: () => Promise<T>): Promise<T> {
		if (version !== this.version) {
			this.answers.clear();
			this.version = version;
		}
		const kept = this.answers.get(key);
		if (kept) {
			this.answers.delete(key); // most recently used goes last
			this.answers.set(key, kept);
			return kept;
		}
		const answer = ask();
		this.answers.set(key, answer);
		answer.catch(() => this.answers.get(key) === answer && this.answers.delete(key));
		while (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
		return answer;
	}
}
