import { StringDecoder } from 'node:string_decoder'
import { isBlankLine, MAX_INPUT_LENGTH } from '../../domain/documents/index.ts'

/**
 * Cuts standard input into documents: lines (ended by LF, CRLF or a lone CR, as readline does), documents
 * separated by blank lines. Bytes are decoded as UTF-8 with U+FFFD for invalid sequences, a sequence split
 * between two chunks included. A document is handed over as its lines and its length in characters (lines
 * joined by one break); past MAX_INPUT_LENGTH its text is dropped as it arrives and only counted, so a
 * hostile line of any size costs no memory.
 */
export class DocumentSplitter {
  private readonly decoder = new StringDecoder('utf8')
  private block: string[] = []
  /** Characters of the current document so far, breaks between its lines included. */
  private length = 0
  /** The unfinished last line of the chunks so far (empty once the document is over the limit). */
  private partial = ''
  private partialLength = 0
  /** Whether text dropped from the unfinished line held more than whitespace and controls. */
  private droppedText = false
  private afterCR = false

  constructor(private readonly emit: (lines: string[], length: number) => void) {}

  push(chunk: Buffer | string): void {
    this.scan(typeof chunk === 'string' ? chunk : this.decoder.write(chunk))
  }

  end(): void {
    this.scan(this.decoder.end())
    if (this.partialLength > 0 || this.partial !== '') this.endLine()
    this.flush()
  }

  private scan(text: string): void {
    let from = 0
    if (this.afterCR && text.charCodeAt(0) === 10) from = 1
    this.afterCR = false
    const n = text.length
    while (from < n) {
      let at = from
      // The common case is a short line: a plain loop beats two indexOf calls for either break.
      let c = 0
      while (at < n) {
        c = text.charCodeAt(at)
        if (c === 10 || c === 13) break
        at++
      }
      this.addText(text, from, at)
      if (at === n) return
      this.endLine()
      from = at + 1
      if (c === 13) {
        if (from === n) this.afterCR = true
        else if (text.charCodeAt(from) === 10) from++
      }
    }
  }

  private addText(text: string, from: number, to: number): void {
    if (to === from) return
    this.partialLength += to - from
    if (this.length + this.partialLength <= MAX_INPUT_LENGTH) {
      this.partial += text.slice(from, to)
      return
    }
    if (!this.droppedText) this.droppedText = !isBlankLine(this.partial) || !isBlankLine(text.slice(from, to))
    this.partial = ''
  }

  private endLine(): void {
    const line = this.partial
    const lineLength = this.partialLength
    const dropped = this.droppedText
    this.partial = ''
    this.partialLength = 0
    this.droppedText = false
    // A blank line ends the document, however long its whitespace.
    if (!dropped && isBlankLine(line)) {
      this.flush()
      return
    }
    this.length += lineLength + (this.length > 0 ? 1 : 0)
    if (this.length <= MAX_INPUT_LENGTH) this.block.push(line)
    else this.block = []
  }

  private flush(): void {
    if (this.length === 0) return
    const { block, length } = this
    this.block = []
    this.length = 0
    this.emit(block, length)
  }
}
