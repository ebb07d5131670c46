# The server image: build the jar with Maven, run it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY schema schema
COPY src src
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/cores.jar /app/cores.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/cores.jar"]
