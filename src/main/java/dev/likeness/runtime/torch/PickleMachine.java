package dev.likeness.runtime.torch;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of Python's unpickler that {@code torch.save} streams need. It never instantiates
 * anything by itself: class look-ups, calls, object state and persistent ids all go through
 * {@link Hooks}, which decides what exists. Opcodes outside the subset are refused by name.
 *
 * <p>Python values map to Java as: str to {@link String}, int to {@link Long} (or
 * {@link BigInteger} past 64 bits), float to {@link Double}, bool to {@link Boolean}, None to
 * {@code null}, tuple to {@link Tuple}, list to {@link ArrayList}, dict to {@link LinkedHashMap}.
 */
final class PickleMachine {

    /** What the unpickled stream may refer to beyond plain data. */
    interface Hooks {
        /** The stand-in for {@code module.name}; throws for anything not explicitly allowed. */
        Object findClass(String module, String name) throws IOException;

        /** REDUCE and NEWOBJ: call a stand-in returned by {@link #findClass}. */
        Object call(Object callable, Tuple args) throws IOException;

        /** BUILD: apply pickled state to an object made by {@link #call}. */
        void build(Object target, Object state) throws IOException;

        /** BINPERSID: resolve an out-of-band reference. */
        Object persistentLoad(Object pid) throws IOException;
    }

    /** A Python tuple; kept apart from lists so hooks can check argument shapes. */
    record Tuple(List<Object> items) {
        Tuple {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        int size() {
            return items.size();
        }

        Object get(int index) {
            return items.get(index);
        }

        @Override
        public String toString() {
            return "tuple of " + items.size();
        }
    }

    private static final int HIGHEST_PROTOCOL = 5;
    private static final int MAX_CLASS_NAME = 256;
    /**
     * Values pushed plus memo slots per pickle. Bytes alone do not bound memory: a one-byte opcode
     * can allocate a dict, so a 32 MB file could otherwise ask for gigabytes. A state dict needs
     * a few dozen per tensor (the MiniFASNet state dicts 12,152 and 13,472 in all).
     */
    static final int MAX_VALUES = 1 << 19;
    private static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "MARK";
        }
    };

    private final ByteCursor in;
    private final Hooks hooks;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int values;

    private PickleMachine(ByteCursor in, Hooks hooks) {
        this.in = in;
        this.hooks = hooks;
    }

    /** Reads one pickle (up to its STOP) from the cursor's position, with a fresh memo. */
    static Object load(ByteCursor in, Hooks hooks) throws IOException {
        return new PickleMachine(in, hooks).run();
    }

    private Object run() throws IOException {
        while (true) {
            int at = in.position();
            int op = in.u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int protocol = in.u8();
                    if (protocol > HIGHEST_PROTOCOL) {
                        throw new IOException("unsupported pickle protocol " + protocol + " at byte " + at);
                    }
                }
                case 0x95 -> { // FRAME: framing is only a read-ahead hint, the opcodes follow inline
                    long frameLength = in.s64();
                    if (frameLength < 0 || frameLength > in.remaining()) {
                        throw new IOException("frame of " + frameLength + " bytes past the end at byte " + at);
                    }
                }
                case '.' -> { // STOP
                    Object result = pop(at);
                    if (!stack.isEmpty() || !marks.isEmpty()) {
                        throw new IOException("pickle stopped with " + stack.size() + " values left at byte " + at);
                    }
                    return result;
                }
                case '(' -> { // MARK
                    marks.add(stack.size());
                    push(MARK);
                }
                case '}' -> push(new LinkedHashMap<>());
                case ']' -> push(new ArrayList<>());
                case ')' -> push(new Tuple(List.of()));
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'K' -> push((long) in.u8()); // BININT1
                case 'M' -> push((long) in.u16()); // BININT2
                case 'J' -> push((long) in.s32()); // BININT
                case 0x8a -> push(long1(in.bytes(in.u8()))); // LONG1
                case 'G' -> push(in.f64BigEndian()); // BINFLOAT
                case 'X' -> push(in.utf8(in.u32())); // BINUNICODE
                case 0x8c -> push(in.utf8(in.u8())); // SHORT_BINUNICODE
                case 0x8d -> push(in.utf8(in.s64())); // BINUNICODE8
                case 't' -> push(new Tuple(popToMark(at)));
                case 0x85 -> push(new Tuple(popN(1, at)));
                case 0x86 -> push(new Tuple(popN(2, at)));
                case 0x87 -> push(new Tuple(popN(3, at)));
                case 'l' -> push(new ArrayList<>(popToMark(at)));
                case 'a' -> { // APPEND
                    Object item = pop(at);
                    listAt(at).add(item);
                }
                case 'e' -> { // APPENDS
                    List<Object> items = popToMark(at);
                    listAt(at).addAll(items);
                }
                case 'd' -> { // DICT
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putPairs(dict, popToMark(at), at);
                    push(dict);
                }
                case 's' -> { // SETITEM
                    Object value = pop(at);
                    Object key = pop(at);
                    putPairs(dictAt(at), Arrays.asList(key, value), at);
                }
                case 'u' -> { // SETITEMS
                    List<Object> pairs = popToMark(at);
                    putPairs(dictAt(at), pairs, at);
                }
                case '0' -> pop(at); // POP
                case '1' -> popToMark(at); // POP_MARK
                case 'c' -> push(hooks.findClass(in.line(MAX_CLASS_NAME), in.line(MAX_CLASS_NAME))); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop(at);
                    Object module = pop(at);
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw new IOException("STACK_GLOBAL without string operands at byte " + at);
                    }
                    push(hooks.findClass(m, n));
                }
                case 'R', 0x81 -> { // REDUCE, NEWOBJ (cls.__new__(cls, *args) is a call for our stand-ins)
                    Object args = pop(at);
                    Object callable = pop(at);
                    if (!(args instanceof Tuple tuple)) {
                        throw new IOException("call arguments are not a tuple at byte " + at);
                    }
                    push(hooks.call(callable, tuple));
                }
                case 'b' -> { // BUILD
                    Object state = pop(at);
                    hooks.build(peek(at), state);
                }
                case 'Q' -> push(hooks.persistentLoad(pop(at))); // BINPERSID
                case 'q' -> memoPut(in.u8(), at); // BINPUT
                case 'r' -> memoPut(in.u32(), at); // LONG_BINPUT
                case 0x94 -> memoPut(memo.size(), at); // MEMOIZE
                case 'h' -> push(memoGet(in.u8(), at)); // BINGET
                case 'j' -> push(memoGet(in.u32(), at)); // LONG_BINGET
                default -> throw new IOException(String.format(
                        "unsupported pickle opcode 0x%02x at byte %d", op, at));
            }
        }
    }

    /** LONG1 carries a little-endian two's-complement integer of any width. */
    private static Object long1(byte[] littleEndian) {
        if (littleEndian.length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        BigInteger value = new BigInteger(bigEndian);
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    private void push(Object value) throws IOException {
        count();
        stack.add(value);
    }

    private void memoPut(long index, int at) throws IOException {
        Object value = peek(at);
        if (memo.put(index, value) == null) {
            count();
        }
    }

    private void count() throws IOException {
        if (++values > MAX_VALUES) {
            throw new IOException("pickle holds more than " + MAX_VALUES + " values");
        }
    }

    private Object pop(int at) throws IOException {
        peek(at);
        return stack.remove(stack.size() - 1);
    }

    private Object peek(int at) throws IOException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw new IOException("pickle stack underflow at byte " + at);
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int count, int at) throws IOException {
        Object[] items = new Object[count];
        for (int i = count - 1; i >= 0; i--) {
            items[i] = pop(at);
        }
        return Arrays.asList(items);
    }

    private List<Object> popToMark(int at) throws IOException {
        if (marks.isEmpty()) {
            throw new IOException("no MARK to pop to at byte " + at);
        }
        int mark = marks.remove(marks.size() - 1);
        List<Object> top = stack.subList(mark + 1, stack.size());
        List<Object> items = new ArrayList<>(top);
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    private List<Object> listAt(int at) throws IOException {
        if (peek(at) instanceof ArrayList<?> list) {
            return (List<Object>) list;
        }
        throw new IOException("append to a non-list at byte " + at);
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictAt(int at) throws IOException {
        if (peek(at) instanceof LinkedHashMap<?, ?> dict) {
            return (Map<Object, Object>) dict;
        }
        throw new IOException("set item on a non-dict at byte " + at);
    }

    private static void putPairs(Map<Object, Object> dict, List<Object> pairs, int at) throws IOException {
        if (pairs.size() % 2 != 0) {
            throw new IOException("odd number of dict items at byte " + at);
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            Object key = pairs.get(i);
            // Only keys with flat, cheap hashCode/equals: no recursion into attacker-built structures.
            if (!(key instanceof String || key instanceof Long || key instanceof Boolean)) {
                throw new IOException("unsupported dict key type "
                        + (key == null ? "None" : key.getClass().getSimpleName()) + " at byte " + at);
            }
            dict.put(key, pairs.get(i + 1));
        }
    }

    private Object memoGet(long index, int at) throws IOException {
        if (!memo.containsKey(index)) {
            throw new IOException("memo slot " + index + " read before it was written at byte " + at);
        }
        return memo.get(index);
    }
}
