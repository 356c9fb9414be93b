package dev.cooper.variant;

/**
 * A test hierarchy wider than {@link DispatchTree#CHAIN_LIMIT}: 40 records, a {@code non-sealed}
 * interface and a {@code non-sealed} class, 42 cases in all, so its handlers dispatch by tag
 * switch alone.
 */
sealed interface Wide {

    record W0(int value) implements Wide {}
    record W1(int value) implements Wide {}
    record W2(int value) implements Wide {}
    record W3(int value) implements Wide {}
    record W4(int value) implements Wide {}
    record W5(int value) implements Wide {}
    record W6(int value) implements Wide {}
    record W7(int value) implements Wide {}
    record W8(int value) implements Wide {}
    record W9(int value) implements Wide {}
    record W10(int value) implements Wide {}
    record W11(int value) implements Wide {}
    record W12(int value) implements Wide {}
    record W13(int value) implements Wide {}
    record W14(int value) implements Wide {}
    record W15(int value) implements Wide {}
    record W16(int value) implements Wide {}
    record W17(int value) implements Wide {}
    record W18(int value) implements Wide {}
    record W19(int value) implements Wide {}
    record W20(int value) implements Wide {}
    record W21(int value) implements Wide {}
    record W22(int value) implements Wide {}
    record W23(int value) implements Wide {}
    record W24(int value) implements Wide {}
    record W25(int value) implements Wide {}
    record W26(int value) implements Wide {}
    record W27(int value) implements Wide {}
    record W28(int value) implements Wide {}
    record W29(int value) implements Wide {}
    record W30(int value) implements Wide {}
    record W31(int value) implements Wide {}
    record W32(int value) implements Wide {}
    record W33(int value) implements Wide {}
    record W34(int value) implements Wide {}
    record W35(int value) implements Wide {}
    record W36(int value) implements Wide {}
    record W37(int value) implements Wide {}
    record W38(int value) implements Wide {}
    record W39(int value) implements Wide {}

    /** A non-sealed interface leaf: its implementations are known only at run time. */
    non-sealed interface Open extends Wide {}

    /** A non-sealed class leaf: instances of it and of its subclasses share its tag. */
    non-sealed class Base implements Wide {}
}
