package io.sweeper.train.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A worker thread trains one network per trial for as long as a sweep lasts, so what a network
 * leaves behind in ND4J must not grow with the number of trials (it once grew by two workspaces,
 * ≈ 0.4 GB for mnist-cnn, per trial, until a 21-trial sweep ran out of memory).
 */
class NetworkWorkspacesTest {

    /** The names of the calling thread's workspaces after it trained {@code networks} networks. */
    private static List<String> workspacesAfterTraining(int networks) {
        for (int n = 0; n < networks; n++) {
            Network network = Network.build(new ModelSpec(Architecture.LENET, Activation.RELU, 0.2, 0.9, 1.0,
                    TemperatureAt.LOGITS, 28, 62, n), 1e-3);
            INDArray input = Nd4j.rand(DataType.FLOAT, 16, 1, 28, 28);
            INDArray oneHot = Nd4j.zeros(DataType.FLOAT, 16, 62);
            for (int i = 0; i < 16; i++) {
                oneHot.putScalar(i, i % 62, 1);
            }
            network.trainStep(input, oneHot, 0);
            network.trainStep(input, oneHot, 0);
            network.predict(input);
        }
        List<String> names = new ArrayList<>();
        for (MemoryWorkspace workspace : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
            names.add(workspace.getId());
        }
        return names;
    }

    @Test
    void everyNetworkAThreadTrainsReusesThatThreadsWorkspaces() throws Exception {
        ExecutorService fresh = Executors.newFixedThreadPool(2);
        try {
            List<String> afterOne = CompletableFuture.supplyAsync(() -> workspacesAfterTraining(1), fresh).get();
            List<String> afterFive = CompletableFuture.supplyAsync(() -> workspacesAfterTraining(5), fresh).get();

            assertThat(afterOne).containsExactlyInAnyOrder("sweeper-train", "sweeper-predict");
            assertThat(afterFive).as("five trials' networks on one thread").containsExactlyInAnyOrderElementsOf(afterOne);
        } finally {
            fresh.shutdown();
        }
    }
}
